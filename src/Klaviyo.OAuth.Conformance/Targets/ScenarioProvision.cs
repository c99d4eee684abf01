using Klaviyo.OAuth.Guide;

namespace Klaviyo.OAuth.Conformance.Targets;

/// <summary>A user a scenario wants signed in: the role, on an account that is (or is not) beta-allowlisted.</summary>
public sealed record WantedUser(UserRole Role, bool AllowlistedAccount);

/// <summary>What a scenario wants before it starts: an app, a signed-in user, or both.</summary>
public sealed record ScenarioProvision(bool App, WantedUser? User)
{
    public bool IsEmpty => !App && User is null;
}

/// <summary>What the target provided for a <see cref="ScenarioProvision"/>: null where nothing was asked for.</summary>
public sealed record Provisioned(AppRegistration? App, SignedInUser? User)
{
    /// <summary>One thing at a time, for a target that cannot provide them at once.</summary>
    public static async Task<Provisioned> OneByOneAsync(IConformanceTarget target, ScenarioProvision wanted, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(wanted);
        var app = wanted.App ? await target.ProvideAppAsync(cancellationToken) : null;
        var user = wanted.User is { } u ? await target.SignInAsync(u.Role, u.AllowlistedAccount, cancellationToken) : null;
        return new Provisioned(app, user);
    }
}
