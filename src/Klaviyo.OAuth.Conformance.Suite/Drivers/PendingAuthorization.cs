using Klaviyo.OAuth.Conformance.SignIn;

namespace Klaviyo.OAuth.Conformance.Suite.Drivers;

/// <summary>An approved authorization request waiting to be exchanged: the code, and the verifier the app kept; <see cref="SignIn"/> when a person approved it.</summary>
public sealed record PendingAuthorization(string Code, string CodeVerifier, string CodeChallenge, string State)
{
    public ApprovedCode? SignIn { get; init; }
}
