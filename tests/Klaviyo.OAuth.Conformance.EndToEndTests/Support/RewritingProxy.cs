using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Klaviyo.OAuth.Conformance.EndToEndTests.Support;

/// <summary>What passed through the proxy: the request's Authorization header and the response body.</summary>
public sealed record ProxiedExchange(string Method, string PathAndQuery, string? Authorization, int Status, string ResponseBody);

/// <summary>
/// A reverse proxy on loopback in front of one upstream host that forwards every request as it is
/// and every response as it is — except that one text in response bodies is replaced by another:
/// a target with exactly one broken behaviour. It keeps what passed through, so a test knows which
/// secrets the run handled.
/// </summary>
public sealed class RewritingProxy : IAsyncDisposable
{
    private const int MaxKept = 20_000;

    private static readonly HashSet<string> HopByHop = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Keep-Alive", "Proxy-Connection", "Transfer-Encoding", "Upgrade", "TE", "Trailer", "Host", "Content-Length",
    };

    private readonly HttpClient _upstream;
    private readonly string _find;
    private readonly string _replace;
    private readonly ConcurrentQueue<ProxiedExchange> _exchanges = new();
    private readonly ConcurrentQueue<string> _errors = new();
    private LoopbackHttpServer? _server;
    private int _rewrites;

    private RewritingProxy(Uri upstream, string find, string replace)
    {
        _upstream = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false, AutomaticDecompression = System.Net.DecompressionMethods.None })
        {
            BaseAddress = upstream,
            Timeout = TimeSpan.FromSeconds(30),
        };
        _find = find;
        _replace = replace;
    }

    public Uri Url => _server!.Url;

    /// <summary>How many responses were changed.</summary>
    public int Rewrites => _rewrites;

    public IReadOnlyCollection<ProxiedExchange> Exchanges => _exchanges;

    /// <summary>What went wrong while forwarding (each such request was answered 502 with it).</summary>
    public IReadOnlyCollection<string> Errors => _errors;

    public static async Task<RewritingProxy> StartAsync(Uri upstream, string find, string replace)
    {
        var proxy = new RewritingProxy(upstream, find, replace);
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

        HttpResponseMessage response;
        try
        {
            response = await SendUpstreamAsync(incoming, pathAndQuery, body, context.RequestAborted);
        }
        catch (HttpRequestException)
        {
            // A pooled connection the upstream had just closed: once more, on a fresh one.
            response = await SendUpstreamAsync(incoming, pathAndQuery, body, context.RequestAborted);
        }

        using (response)
        {
            var answer = await response.Content.ReadAsStringAsync(context.RequestAborted);
            if (answer.Contains(_find, StringComparison.Ordinal))
            {
                answer = answer.Replace(_find, _replace, StringComparison.Ordinal);
                Interlocked.Increment(ref _rewrites);
            }

            if (_exchanges.Count < MaxKept)
            {
                _exchanges.Enqueue(new ProxiedExchange(incoming.Method, "/" + pathAndQuery, incoming.Headers.Authorization.FirstOrDefault(), (int)response.StatusCode, answer));
            }

            context.Response.StatusCode = (int)response.StatusCode;
            foreach (var (name, values) in response.Headers.Concat(response.Content.Headers).Where(h => !HopByHop.Contains(h.Key)))
            {
                context.Response.Headers[name] = values.ToArray();
            }

            if (response.StatusCode is System.Net.HttpStatusCode.NoContent or System.Net.HttpStatusCode.NotModified)
            {
                return; // No body allowed, not even an empty one.
            }

            var bytes = Encoding.UTF8.GetBytes(answer);
            context.Response.ContentLength = bytes.Length;
            await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
        }
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

        return await _upstream.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
    }
}
