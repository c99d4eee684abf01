namespace Klaviyo.OAuth.Emulator;

/// <summary>An OAuth app registered with the emulator.</summary>
public sealed record EmulatedClient(string ClientId, string ClientSecret, IReadOnlyList<string> RedirectUris)
{
    /// <summary>The app's name, as the consent page shows it.</summary>
    public string Name { get; init; } = "Emulated app";
}
