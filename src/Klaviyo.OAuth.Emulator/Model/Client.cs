namespace Klaviyo.OAuth.Emulator.Model;

/// <summary>An OAuth app: its credentials and the redirect URIs it registered.</summary>
internal sealed record Client(string Id, string Secret, IReadOnlyList<string> RedirectUris, string Name)
{
    public bool HasRedirectUri(string? uri) => uri is not null && RedirectUris.Contains(uri, StringComparer.Ordinal);

    public EmulatedClient ToPublic() => new(Id, Secret, RedirectUris) { Name = Name };
}
