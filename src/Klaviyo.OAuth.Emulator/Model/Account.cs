namespace Klaviyo.OAuth.Emulator.Model;

/// <summary>A Klaviyo account; only beta-allowlisted accounts can see the OAuth client page.</summary>
internal sealed record Account(string Id, bool Allowlisted);
