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
    private readonly int _maxBodyBytes;

    /// <summary>The setting that sets the timeout, as the user gives it (--timeout-seconds, Conformance__TimeoutSeconds, …).</summary>
    private string _timeoutSetting = Configuration.SettingKeys.TimeoutSeconds.Path;

    /// <param name="timeout">The deadline for one whole exchange: connecting, sending, reading and decoding.</param>
    /// <param name="maxBodyBytes">How much of an answer's body is read; the rest is never read (see <see cref="HttpExchange.IsCut"/>).</param>
    public TargetHttpClient(TimeSpan timeout, int maxBodyBytes = Configuration.ConformanceSettings.DefaultMaxBodyBytes)
        : this(Handler(timeout, trusted: null), disposeHandler: true, timeout, maxBodyBytes)
    {
    }

    /// <summary>
    /// The client a run's settings ask for: a timeout names the setting as the user gave it, and the
    /// target's HTTPS may chain to the trusted certificate when one is set.
    /// </summary>
    public static TargetHttpClient For(Configuration.ConformanceSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var trusted = Configuration.ConformanceSettings.IsSet(settings.TrustedCertificate) ? TrustedCertificate.Load(settings.TrustedCertificate!.Trim()) : null;
        return new TargetHttpClient(Handler(settings.Timeout, trusted), disposeHandler: true, settings.Timeout, settings.MaxBodyBytes)
        {
            _timeoutSetting = settings.Provenance.Name(Configuration.SettingKeys.TimeoutSeconds),
        };
    }

    private const string TlsHint = "Check the scheme (http/https) and the certificate; a target with a certificate of its own (emulate --https prints its file) is trusted with --trust-certificate FILE.";

    private static SocketsHttpHandler Handler(TimeSpan timeout, System.Security.Cryptography.X509Certificates.X509Certificate2? trusted)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            ConnectTimeout = timeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        };
        if (trusted is not null)
        {
            handler.SslOptions.RemoteCertificateValidationCallback = TrustedCertificate.AlsoTrusting(trusted);
        }

        return handler;
    }

    /// <summary>
    /// Sends through <paramref name="handler"/> (a recorder of an app's traffic, say), which the caller
    /// owns: it should follow no redirects and keep no cookies, as the default handler does.
    /// </summary>
    public TargetHttpClient(HttpMessageHandler handler, TimeSpan timeout, int maxBodyBytes = Configuration.ConformanceSettings.DefaultMaxBodyBytes)
        : this(handler, disposeHandler: false, timeout, maxBodyBytes)
    {
    }

    private TargetHttpClient(HttpMessageHandler handler, bool disposeHandler, TimeSpan timeout, int maxBodyBytes)
    {
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBodyBytes, 1);
        _timeout = timeout;
        _maxBodyBytes = maxBodyBytes;
        _http = new HttpClient(handler, disposeHandler)
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    public async Task<HttpExchange> SendAsync(OutgoingRequest request, CancellationToken cancellationToken = default)
    {
        using var message = ToMessage(request);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_timeout);
        try
        {
            // Headers first, then at most the allowed prefix of the body: whatever the target sends,
            // one exchange holds at most that much.
            using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
            var (bytes, cut) = await ReadPrefixAsync(response.Content, _maxBodyBytes, deadline.Token);
            var body = BodyText.Decode(bytes, CharSet(response.Content.Headers), out var note);
            var headers = response.Headers.Concat(response.Content.Headers)
                .SelectMany(h => h.Value.Select(v => new KeyValuePair<string, string>(h.Key, v)))
                .ToArray();
            return new HttpExchange(request, (int)response.StatusCode, response.ReasonPhrase ?? string.Empty, headers, body)
            {
                BodyLimit = cut ? _maxBodyBytes : null,
                BodyNote = note,
            };
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TargetUnreachableException(
                $"{request.Method} {request.Url} did not answer within {_timeout.TotalSeconds:0.#} s. Is the target up and is the URL right? ({_timeoutSetting} sets the limit.)");
        }
        catch (HttpRequestException e)
        {
            throw new TargetUnreachableException($"{request.Method} {request.Url} could not be reached: {Cause(e)}", e);
        }
    }

    public void Dispose() => _http.Dispose();

    private static async Task<(byte[] Bytes, bool Cut)> ReadPrefixAsync(HttpContent content, int limit, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        using var prefix = new MemoryStream();
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
        {
            var room = limit - (int)prefix.Length;
            if (read > room)
            {
                prefix.Write(buffer, 0, room);
                return (prefix.ToArray(), true);
            }

            prefix.Write(buffer, 0, read);
        }

        return (prefix.ToArray(), false);
    }

    // The raw parameter: the typed CharSet property throws on some malformed values.
    private static string? CharSet(System.Net.Http.Headers.HttpContentHeaders headers) =>
        headers.TryGetValues("Content-Type", out var values)
            ? values.SelectMany(v => v.Split(';')).Select(p => p.Trim())
                .Where(p => p.StartsWith("charset=", StringComparison.OrdinalIgnoreCase))
                .Select(p => p["charset=".Length..]).FirstOrDefault()
            : null;

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
        AuthenticationException tls => $"the TLS handshake failed ({tls.Message}). {TlsHint}",
        _ when e.HttpRequestError == HttpRequestError.NameResolutionError => "the host name does not resolve (DNS). Check the URL's host.",
        _ when e.HttpRequestError == HttpRequestError.ConnectionError => $"the connection failed ({e.Message}). Is the target running?",
        _ when e.HttpRequestError == HttpRequestError.SecureConnectionError => $"the TLS handshake failed ({e.Message}). {TlsHint}",
        _ when e.HttpRequestError == HttpRequestError.ResponseEnded => "the connection closed before a complete response arrived (the target answered nothing, or garbage).",
        _ when e.HttpRequestError == HttpRequestError.InvalidResponse => "the target's answer is not valid HTTP.",
        _ => e.Message,
    };
}
