using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Klaviyo.OAuth.Conformance.EndToEndTests.Support;

/// <summary>What passed through the proxy: the request's Authorization header and the response body.</summary>
public sealed record ProxiedExchange(string Method, string PathAndQuery, string? Authorization, int Status, string ResponseBody);

/// <summary>
/// A reverse proxy on loopback in front of one upstream host that forwards every request as it is
/// and every response as its <see cref="IProxyRule"/> leaves it: one text replaced by another (a
/// target with exactly one broken behaviour), every variation a conforming server may make, or a
/// gateway's cache. It keeps what passed through, so a test knows which secrets the run handled.
/// </summary>
public sealed class RewritingProxy : IAsyncDisposable
{
    private const int MaxKept = 20_000;

    private static readonly HashSet<string> HopByHop = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Keep-Alive", "Proxy-Connection", "Transfer-Encoding", "Upgrade", "TE", "Trailer", "Host", "Content-Length",
    };

    private readonly HttpClient _upstream;
    private readonly IProxyRule _rule;
    private readonly ConcurrentQueue<ProxiedExchange> _exchanges = new();
    private readonly ConcurrentQueue<string> _errors = new();
    private LoopbackHttpServer? _server;
    private int _rewrites;

    private RewritingProxy(Uri upstream, IProxyRule rule)
    {
        _upstream = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false, AutomaticDecompression = System.Net.DecompressionMethods.None })
        {
            BaseAddress = upstream,
            Timeout = TimeSpan.FromSeconds(30),
        };
        _rule = rule;
    }

    public Uri Url => _server!.Url;

    /// <summary>How many responses were changed.</summary>
    public int Rewrites => _rewrites;

    public IReadOnlyCollection<ProxiedExchange> Exchanges => _exchanges;

    /// <summary>What went wrong while forwarding (each such request was answered 502 with it).</summary>
    public IReadOnlyCollection<string> Errors => _errors;

    /// <summary>A proxy that replaces <paramref name="find"/> with <paramref name="replace"/> in every response body.</summary>
    public static Task<RewritingProxy> StartAsync(Uri upstream, string find, string replace) =>
        StartAsync(upstream, new TextReplacement(find, replace));

    public static async Task<RewritingProxy> StartAsync(Uri upstream, IProxyRule rule)
    {
        var proxy = new RewritingProxy(upstream, rule);
        proxy._server = await LoopbackHttpServer.StartAsync(proxy.ForwardOrExplainAsync);
        return proxy;
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        _upstream.Dispose();
    }

    private async Task ForwardOrExplainAsync(HttpContext context)
    {
        try
        {
            await ForwardAsync(context);
        }
        catch (Exception e) when (e is not OperationCanceledException || !context.RequestAborted.IsCancellationRequested)
        {
            var error = $"{context.Request.Method} {context.Request.Path}: {e}";
            _errors.Enqueue(error);
            if (!context.Response.HasStarted)
            {
                context.Response.Clear();
                context.Response.StatusCode = 502;
                await context.Response.WriteAsync("The test proxy could not forward the request: " + error, CancellationToken.None);
            }
        }
    }

    private async Task ForwardAsync(HttpContext context)
    {
        var incoming = context.Request;
        var pathAndQuery = incoming.Path.ToUriComponent().TrimStart('/') + incoming.QueryString.ToUriComponent();
        using var buffered = new MemoryStream();
        await incoming.Body.CopyToAsync(buffered, context.RequestAborted);
        var body = buffered.ToArray();

        var request = new ProxiedRequest(incoming.Method, "/" + pathAndQuery, incoming.Headers.Authorization.FirstOrDefault());
        var answer = _rule.AnswerInstead(request);
        if (answer is null)
        {
            answer = await ForwardUpstreamAsync(incoming, pathAndQuery, body, context.RequestAborted);
            if (_rule.Rewrite(request, answer))
            {
                Interlocked.Increment(ref _rewrites);
            }
        }
        else
        {
            Interlocked.Increment(ref _rewrites);
        }

        if (_exchanges.Count < MaxKept)
        {
            _exchanges.Enqueue(new ProxiedExchange(request.Method, request.PathAndQuery, request.Authorization, answer.Status, answer.Body));
        }

        await WriteAsync(context, answer);
    }

    private async Task<ProxiedAnswer> ForwardUpstreamAsync(HttpRequest incoming, string pathAndQuery, byte[] body, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await SendUpstreamAsync(incoming, pathAndQuery, body, cancellationToken);
        }
        catch (HttpRequestException)
        {
            // A pooled connection the upstream had just closed: once more, on a fresh one.
            response = await SendUpstreamAsync(incoming, pathAndQuery, body, cancellationToken);
        }

        using (response)
        {
            var headers = response.Headers.Concat(response.Content.Headers).Where(h => !HopByHop.Contains(h.Key))
                .Select(h => new KeyValuePair<string, string[]>(h.Key, h.Value.ToArray()));
            return new ProxiedAnswer((int)response.StatusCode, headers, await response.Content.ReadAsStringAsync(cancellationToken));
        }
    }

    private static async Task WriteAsync(HttpContext context, ProxiedAnswer answer)
    {
        context.Response.StatusCode = answer.Status;
        foreach (var (name, values) in answer.Headers)
        {
            context.Response.Headers[name] = values;
        }

        if (answer.Status is 204 or 304)
        {
            return; // No body allowed, not even an empty one.
        }

        var bytes = Encoding.UTF8.GetBytes(answer.Body);
        if (!answer.Chunked)
        {
            context.Response.ContentLength = bytes.Length;
            await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
            return;
        }

        // Without a Content-Length, and flushed in two pieces, the answer goes out chunked.
        var half = bytes.Length / 2;
        await context.Response.Body.WriteAsync(bytes.AsMemory(0, half), context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
        await context.Response.Body.WriteAsync(bytes.AsMemory(half), context.RequestAborted);
    }

    private async Task<HttpResponseMessage> SendUpstreamAsync(HttpRequest incoming, string pathAndQuery, byte[] body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(new HttpMethod(incoming.Method), pathAndQuery);
        if (body.Length > 0 || incoming.ContentLength is not null)
        {
            request.Content = new ByteArrayContent(body);
        }

        foreach (var (name, values) in incoming.Headers.Where(h => !HopByHop.Contains(h.Key)))
        {
            if (!request.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values))
            {
                request.Content ??= new ByteArrayContent([]);
                request.Content.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
            }
        }

        foreach (var (name, value) in _rule.AddedRequestHeaders)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return await _upstream.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
    }
}
