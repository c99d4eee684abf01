namespace Klaviyo.OAuth.Conformance.EndToEndTests.Support;

/// <summary>A request as the proxy saw it.</summary>
public sealed record ProxiedRequest(string Method, string PathAndQuery, string? Authorization)
{
    public bool IsPost(string path) => Method == "POST" && PathAndQuery.Split('?')[0].Equals(path, StringComparison.OrdinalIgnoreCase);
}

/// <summary>An answer on its way through the proxy, which a rule may change in every part.</summary>
public sealed class ProxiedAnswer(int status, IEnumerable<KeyValuePair<string, string[]>> headers, string body)
{
    public int Status { get; set; } = status;

    public List<KeyValuePair<string, string[]>> Headers { get; } = [.. headers];

    public string Body { get; set; } = body;

    /// <summary>Sent with chunked transfer encoding instead of a Content-Length.</summary>
    public bool Chunked { get; set; }

    public string? Header(string name) =>
        Headers.Where(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value.FirstOrDefault()).FirstOrDefault();

    public void SetHeader(string name, string? value)
    {
        Headers.RemoveAll(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase));
        if (value is not null)
        {
            Headers.Add(new(name, [value]));
        }
    }

    public ProxiedAnswer Copy() => new(Status, Headers, Body) { Chunked = Chunked };
}

/// <summary>What a <see cref="RewritingProxy"/> does with the traffic.</summary>
public interface IProxyRule
{
    /// <summary>Headers added to every forwarded request (a session cookie a browser could not be given).</summary>
    IEnumerable<KeyValuePair<string, string>> AddedRequestHeaders => [];

    /// <summary>An answer given in the upstream's place (a gateway's cache), or null to forward the request.</summary>
    ProxiedAnswer? AnswerInstead(ProxiedRequest request) => null;

    /// <summary>Changes the upstream's answer in place; true when it changed anything.</summary>
    bool Rewrite(ProxiedRequest request, ProxiedAnswer answer);
}

/// <summary>Replaces one text by another in every body: a target with exactly one broken behaviour.</summary>
public sealed class TextReplacement(string find, string replace) : IProxyRule
{
    public bool Rewrite(ProxiedRequest request, ProxiedAnswer answer)
    {
        if (!answer.Body.Contains(find, StringComparison.Ordinal))
        {
            return false;
        }

        answer.Body = answer.Body.Replace(find, replace, StringComparison.Ordinal);
        return true;
    }
}

/// <summary>Signs every request in with a session cookie: a browser, started from the command line, that a user already signed in with.</summary>
public sealed class SignedInBrowser(string cookieHeader) : IProxyRule
{
    public IEnumerable<KeyValuePair<string, string>> AddedRequestHeaders => [new("Cookie", cookieHeader)];

    public bool Rewrite(ProxiedRequest request, ProxiedAnswer answer) => false;
}
