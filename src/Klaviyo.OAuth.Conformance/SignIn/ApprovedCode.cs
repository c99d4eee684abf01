namespace Klaviyo.OAuth.Conformance.SignIn;

/// <summary>
/// An authorization code the person's approval sent back to the app, with the PKCE verifier and
/// challenge the app used and the state it checked. <see cref="Reused"/> when it comes back after a
/// refused exchange the target did not spend it on.
/// </summary>
public sealed record ApprovedCode(string Code, string CodeVerifier, string CodeChallenge, string State, int Approval, bool Reused = false)
{
    public override string ToString() => $"code of approval {Approval} (redacted){(Reused ? ", reused" : string.Empty)}";
}
