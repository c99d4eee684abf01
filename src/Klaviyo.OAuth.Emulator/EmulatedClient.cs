namespace Klaviyo.OAuth.Emulator;

/// <summary>An OAuth app registered with the emulator.</summary>
public sealed record EmulatedClient(string ClientId, string ClientSecret, IReadOnlyList<string> RedirectUris);
