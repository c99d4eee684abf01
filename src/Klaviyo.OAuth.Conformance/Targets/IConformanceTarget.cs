using Klaviyo.OAuth.Guide;

namespace Klaviyo.OAuth.Conformance.Targets;

/// <summary>
/// What the suite runs against: two hosts, and the capabilities the target offers. Steps never reach
/// into a target's internals; they ask for a situation through these members.
/// </summary>
public interface IConformanceTarget : IAsyncDisposable
{
    TargetKind Kind { get; }

    /// <summary>Serves /oauth/token, /oauth/revoke and /api/ (Klaviyo: https://a.klaviyo.com).</summary>
    Uri ApiBaseUrl { get; }

    /// <summary>Serves /oauth/authorize and /oauth/client (Klaviyo: https://www.klaviyo.com).</summary>
    Uri WebBaseUrl { get; }

    /// <summary>Why the target lacks a capability (naming the setting that would provide it), or null when it has it.</summary>
    string? WhyLacking(Capability capability);

    /// <summary>An app for one scenario: a fresh one where the target provisions them, else the configured one.</summary>
    Task<AppRegistration> ProvideAppAsync(CancellationToken cancellationToken = default);

    /// <summary>Signs a user with the role in, on an account that is (or is not) beta-allowlisted.</summary>
    Task<SignedInUser> SignInAsync(UserRole role, bool allowlistedAccount, CancellationToken cancellationToken = default);

    /// <summary>A scenario's app and signed-in user together, in one request where the target can (by default one at a time).</summary>
    Task<Provisioned> ProvisionAsync(ScenarioProvision wanted, CancellationToken cancellationToken = default) =>
        Provisioned.OneByOneAsync(this, wanted, cancellationToken);

    /// <summary>Lets time pass for this app only, so scenarios running beside it are not disturbed.</summary>
    Task AdvanceClockAsync(AppRegistration app, TimeSpan by, CancellationToken cancellationToken = default);

    Task StartOutageAsync(EndpointFamily family, AppRegistration app, CancellationToken cancellationToken = default);

    Task EndOutageAsync(EndpointFamily family, AppRegistration app, CancellationToken cancellationToken = default);

    /// <summary>The customer removes the app from the account the user belongs to.</summary>
    Task RemoveAppAsync(AppRegistration app, CancellationToken cancellationToken = default);

    /// <summary>Tokens obtained beforehand, for targets where the suite cannot obtain its own.</summary>
    PreobtainedTokens? Preobtained { get; }

    /// <summary>How often the preobtained refresh token may be used; null when the suite obtains its own tokens.</summary>
    RefreshBudget? Budget { get; }

    /// <summary>Describes the target for people and reports: kind and URLs, never secrets.</summary>
    string Describe();
}
