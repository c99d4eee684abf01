using System.Collections.Concurrent;

namespace Klaviyo.OAuth.Conformance.EndToEndTests.Support;

/// <summary>
/// A gateway that remembers "this access token is valid": once the API answered 200 to a bearer
/// token, it answers every later call with that token itself, so expired and revoked tokens keep
/// working. A realistic fault that only a scenario showing the token worked before can catch.
/// </summary>
public sealed class ValidTokenCache : IProxyRule
{
    private readonly ConcurrentDictionary<string, ProxiedAnswer> _valid = new(StringComparer.Ordinal);

    public ProxiedAnswer? AnswerInstead(ProxiedRequest request) =>
        IsApiCall(request) && _valid.TryGetValue(request.Authorization!, out var cached) ? cached.Copy() : null;

    public bool Rewrite(ProxiedRequest request, ProxiedAnswer answer)
    {
        if (IsApiCall(request) && answer.Status == 200)
        {
            _valid[request.Authorization!] = answer.Copy();
        }

        return false;
    }

    private static bool IsApiCall(ProxiedRequest request) =>
        request.Method == "GET" && request.PathAndQuery.StartsWith("/api/", StringComparison.Ordinal) && request.Authorization is not null;
}
