namespace Klaviyo.OAuth.Conformance.Targets;

/// <summary>
/// What a scenario may need from a target beyond plain HTTP. Scenarios declare them with tags
/// (<c>@needs-clock</c>); a target that lacks one skips the scenario and says which.
/// </summary>
public enum Capability
{
    /// <summary>An app's client id and secret: provisioned by the target, or configured (ClientId, ClientSecret).</summary>
    Client,

    /// <summary>The redirect URI registered for the app, which authorization and the code exchange send (RedirectUri).</summary>
    RedirectUri,

    /// <summary>Sign a user with a given role in (and choose whether the account is allowlisted), so they can approve the app.</summary>
    Consent,

    /// <summary>
    /// An owner approves the app's authorization request made with the suite's PKCE challenge: through
    /// <see cref="Consent"/>, or by a person in a browser (the assisted sign-in, <c>run --sign-in</c>).
    /// </summary>
    Approval,

    /// <summary>A refresh token: obtained through consent, or configured beforehand (RefreshToken).</summary>
    RefreshToken,

    /// <summary>An access token: obtained through consent, or configured beforehand (AccessToken).</summary>
    AccessToken,

    /// <summary>Let time pass for the scenario's app (a minute, 91 days) without waiting for it.</summary>
    Clock,

    /// <summary>Let one minute pass for the scenario's app: through <see cref="Clock"/>, or by waiting it out where the target has no clock.</summary>
    AMinute,

    /// <summary>Take an endpoint family down (503) for the scenario's app.</summary>
    Outage,

    /// <summary>The customer removes the app from their account.</summary>
    Uninstall,

    /// <summary>Revoke tokens or exhaust a rate limit: safe where the target provisions throwaway apps, otherwise opt-in (AllowDestructive).</summary>
    Destructive,
}
