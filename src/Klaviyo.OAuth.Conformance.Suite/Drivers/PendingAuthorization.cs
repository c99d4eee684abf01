namespace Klaviyo.OAuth.Conformance.Suite.Drivers;

/// <summary>An approved authorization request waiting to be exchanged: the code, and the verifier the app kept.</summary>
public sealed record PendingAuthorization(string Code, string CodeVerifier, string CodeChallenge, string State);
