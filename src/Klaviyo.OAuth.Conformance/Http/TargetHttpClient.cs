using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Text;

namespace Klaviyo.OAuth.Conformance.Http;

/// <summary>
/// Sends <see cref="OutgoingRequest"/>s exactly as built (no redirects followed, no cookies kept, raw
/// header values) and turns every transport failure into a <see cref="TargetUnreachableException"/>
/// that names the URL and the cause, within a bounded time.
/// </summary>
public sealed class TargetHttpClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly TimeSpan _timeout;

    public TargetHttpClient(TimeSpan timeout)
    {
        _timeout = timeout;
        _http = new HttpClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            ConnectTimeout = timeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    public async Task<HttpExchange> SendAsync(OutgoingRequest request, CancellationToken cancellationToken = default)
    {
        using var message = ToMessage(request);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_timeout);
        var clock = Stopwatch.StartNew();
        try
        {
            using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseContentRead, deadline.Token);
            var body = await response.Content.ReadAsStringAsync(deadline.Token);
            var headers = response.Headers.Concat(response.Content.Headers)
                .SelectMany(h => h.Value.Select(v => new KeyValuePair<string, string>(h.Key, v)))
                .ToArray();
            return new HttpExchange(request, (int)response.StatusCode, response.ReasonPhrase ?? string.Empty, headers, body, clock.Elapsed);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TargetUnreachableException(
                $"{request.Method} {request.Url} did not answer within {_timeout.TotalSeconds:0.#} s. Is the target up and is the URL right? (Conformance:TimeoutSeconds sets the limit.)");
        }
        catch (HttpRequestException e)
        {
            throw new TargetUnreachableException($"{request.Method} {request.Url} could not be reached: {Cause(e)}", e);
        }
    }

    public void Dispose() => _http.Dispose();

    private static HttpRequestMessage ToMessage(OutgoingRequest request)
    {
        var message = new HttpRequestMessage(request.Method, request.Url);
        if (request.Body is not null)
        {
            message.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(request.Body));
            if (request.ContentType is not null)
            {
                message.Content.Headers.TryAddWithoutValidation("Content-Type", request.ContentType);
            }
        }

        foreach (var (name, value) in request.Headers)
        {
            if (!message.Headers.TryAddWithoutValidation(name, value))
            {
                message.Content ??= new ByteArrayContent([]);
                message.Content.Headers.TryAddWithoutValidation(name, value);
            }
        }

        if (request.HeaderValue("Accept") is null)
        {
            message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("*/*"));
        }
        return message;
    }

    private static string Cause(HttpRequestException e) => e.InnerException switch
    {
        SocketException { SocketErrorCode: SocketError.ConnectionRefused } => "connection refused — nothing listens there. Is the target running, and is the port right?",
        SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.TryAgain or SocketError.NoData } => "the host name does not resolve (DNS). Check the URL's host.",
        SocketException socket => $"network error {socket.SocketErrorCode}.",
        AuthenticationException tls => $"the TLS handshake failed ({tls.Message}). Check the scheme (http/https) and the certificate.",
        _ when e.HttpRequestError == HttpRequestError.NameResolutionError => "the host name does not resolve (DNS). Check the URL's host.",
        _ when e.HttpRequestError == HttpRequestError.ConnectionError => $"the connection failed ({e.Message}). Is the target running?",
        _ when e.HttpRequestError == HttpRequestError.SecureConnectionError => $"the TLS handshake failed ({e.Message}). Check the scheme (http/https) and the certificate.",
        _ when e.HttpRequestError == HttpRequestError.ResponseEnded => "the connection closed before a complete response arrived (the target answered nothing, or garbage).",
        _ when e.HttpRequestError == HttpRequestError.InvalidResponse => "the target's answer is not valid HTTP.",
        _ => e.Message,
    };
}
