using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Klaviyo.OAuth.Emulator.Model;

/// <summary>The OAuth apps the emulator knows, and how their secrets are checked.</summary>
internal sealed class ClientRegistry
{
    public const string DefaultRedirectUri = "http://127.0.0.1/callback";

    private readonly ConcurrentDictionary<string, Client> _clients = new(StringComparer.Ordinal);

    public const string DefaultName = "Emulated app";

    /// <summary>Registers an app; its name is what the consent page shows.</summary>
    public Client Register(IReadOnlyList<string>? redirectUris = null, string? name = null)
    {
        var uris = Checked(redirectUris is { Count: > 0 } ? redirectUris : [DefaultRedirectUri]);
        // Hex ids never need URL-encoding inside Basic credentials (RFC 6749 §2.3.1).
        var client = new Client(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12)), RandomValue.Create(32), uris, string.IsNullOrWhiteSpace(name) ? DefaultName : name);
        _clients[client.Id] = client;
        return client;
    }

    /// <summary>Registers an app with the id and secret it was given (an app's fixed configuration).</summary>
    /// <exception cref="ArgumentException">The id is taken, or a part is empty or not usable.</exception>
    public Client Register(EmulatedClient given)
    {
        if (string.IsNullOrEmpty(given.ClientId) || given.ClientId.Contains(':', StringComparison.Ordinal) || string.IsNullOrEmpty(given.ClientSecret))
        {
            throw new ArgumentException("A client needs an id without ':' and a secret.");
        }

        var uris = Checked(given.RedirectUris);
        var client = new Client(given.ClientId, given.ClientSecret, uris, string.IsNullOrWhiteSpace(given.Name) ? DefaultName : given.Name);
        return _clients.TryAdd(client.Id, client) ? client : throw new ArgumentException($"The client id '{given.ClientId}' is registered twice.");
    }

    public Client? Find(string? clientId) => clientId is not null && _clients.TryGetValue(clientId, out var c) ? c : null;

    private static string[] Checked(IReadOnlyList<string> redirectUris)
    {
        foreach (var uri in redirectUris)
        {
            if (!Uri.TryCreate(uri, UriKind.Absolute, out var parsed) || !string.IsNullOrEmpty(parsed.Fragment))
            {
                throw new ArgumentException("Every redirect URI must be absolute and have no fragment.");
            }
        }

        return redirectUris.ToArray();
    }

    public ClientCheck Authenticate(string clientId, string secret)
    {
        var client = Find(clientId);
        if (client is null)
        {
            return new ClientCheck(null, "unknown client id");
        }

        var matches = CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(client.Secret), Encoding.UTF8.GetBytes(secret));
        return matches ? new ClientCheck(client, "authenticated") : new ClientCheck(null, "wrong client secret");
    }
}

/// <summary>The result of checking client credentials: the client, or why not.</summary>
internal sealed record ClientCheck(Client? Client, string Reason);
