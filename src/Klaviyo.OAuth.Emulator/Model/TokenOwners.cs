using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Klaviyo.OAuth.Emulator.Model;

/// <summary>
/// The app each token seen issued belongs to, for tokens the model did not issue itself (an
/// upstream's, through the proxy). Only a hash of each token is kept, and at most
/// <see cref="Capacity"/> of them (the oldest half goes when it is full).
/// </summary>
internal sealed class TokenOwners
{
    public const int Capacity = 100_000;

    private readonly ConcurrentDictionary<string, (string ClientId, long Seen)> _owners = new(StringComparer.Ordinal);
    private long _sequence;

    public void Remember(string token, string clientId)
    {
        if (_owners.Count >= Capacity)
        {
            var cutoff = Interlocked.Read(ref _sequence) - (Capacity / 2);
            foreach (var old in _owners.Where(o => o.Value.Seen < cutoff))
            {
                _owners.TryRemove(old.Key, out _);
            }
        }

        _owners[Hash(token)] = (clientId, Interlocked.Increment(ref _sequence));
    }

    public string? OwnerOf(string token) => _owners.TryGetValue(Hash(token), out var owner) ? owner.ClientId : null;

    private static string Hash(string token) => Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
