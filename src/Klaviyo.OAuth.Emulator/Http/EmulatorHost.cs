using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text.Json;
using Klaviyo.OAuth.Emulator.Diagnosis;
using Klaviyo.OAuth.Guide.Diagnosis;
using Klaviyo.OAuth.Guide.Redaction;
using Microsoft.AspNetCore.Http;
using WireMock.Logging;
using WireMock.Server;
using WireMock.Settings;

namespace Klaviyo.OAuth.Emulator.Http;

/// <summary>
/// One host (the API host or the web host): a WireMock.Net server whose Kestrel carries the
/// emulator's own router in front of WireMock's request matching. The router hands a
/// WireMock-free <see cref="EmulatorRequest"/> to the endpoint for the path, journals the outcome,
/// and turns any unexpected exception into a 400 instead of a 500. Every path has an endpoint (the
/// fallback answers the rest), so WireMock's matching and its request and response mapping never
/// run: measured, they cost more than the whole model (docs/benchmarks.md).
/// </summary>
internal sealed class EmulatorHost : IDisposable
{
    /// <summary>Sent with every answer; the journal entry of the request carries the same id.</summary>
    public const string RequestIdHeader = "X-Request-Id";

    /// <summary>Sent with refusals when <see cref="EmulatorOptions.DiagnosisHeader"/> is on: the findings as JSON.</summary>
    public const string DiagnosisHeader = "X-Klaviyo-Emulator-Diagnosis";

    // The default encoder escapes every non-ASCII character, which a header value must not carry.
    private static readonly JsonSerializerOptions HeaderJson = new(JsonSerializerDefaults.Web);

    // Patterns only (secret-named query values, credentials): the journal is shared with whoever
    // reads it, and the emulator has no literal secrets to register with it.
    private static readonly SecretRedactor JournalRedactor = new();

    private readonly WireMockServerSettings _settings;
    private WireMockServer? _server;
    private readonly string _kind;
    private readonly Action<JournalEntry> _record;
    private readonly Func<DateTimeOffset> _now;
    private readonly RefusalDiagnosis _diagnosis;
    private readonly bool _diagnosisHeader;
    private readonly JournalSanitizer _sanitizer;
    private readonly Dictionary<string, Func<EmulatorRequest, EmulatorResponse>> _exact = new(StringComparer.Ordinal);
    private readonly List<(string Prefix, Func<EmulatorRequest, EmulatorResponse> Endpoint)> _prefixes = [];
    private Func<EmulatorRequest, EmulatorResponse> _fallback = request => EmulatorResponse.Empty(404, $"404 no endpoint for {request.Path}");

    /// <param name="certificate">Serve TLS with the certificate in this PKCS#12 file (the URL's scheme becomes https); null: plain http.</param>
    public EmulatorHost(
        string kind, string url, string? certificate, Action<JournalEntry> record, Func<DateTimeOffset> now,
        RefusalDiagnosis diagnosis, bool diagnosisHeader, JournalSanitizer sanitizer)
    {
        _sanitizer = sanitizer;
        _kind = kind;
        _record = record;
        _now = now;
        _diagnosis = diagnosis;
        _diagnosisHeader = diagnosisHeader;
        var concreteUrl = WithConcretePort(url, certificate is null ? Uri.UriSchemeHttp : Uri.UriSchemeHttps);
        var guard = new RequestGuard(
            AnswerAsync,
            (context, response) => Journal(context.Request.Method, context.Request.Path.Value ?? "/", context.Request.QueryString.Value ?? string.Empty, response));
        _settings = new WireMockServerSettings
        {
            PreWireMockMiddlewareInit = guard.Install,
            Urls = [concreteUrl],
            StartAdminInterface = false,
            Logger = new WireMockNullLogger(),
            AllowBodyForAllHttpMethods = true,
            DisableJsonBodyParsing = true,
            DisableDeserializeFormUrlEncoded = true,
            DisableRequestBodyDecompressing = true,
            MaxRequestLogCount = 0,
            CertificateSettings = certificate is null ? null : new WireMockCertificateSettings { X509CertificateFilePath = certificate },
        };
        // WireMock reports 127.0.0.1 as "localhost"; keep the address it was asked to bind.
        BaseUrl = new Uri(concreteUrl + "/");
    }

    public Uri BaseUrl { get; }

    /// <summary>Routes one exact path to an endpoint, any method (endpoints answer 405 themselves).</summary>
    public void Route(string path, Func<EmulatorRequest, EmulatorResponse> endpoint) => _exact[path] = endpoint;

    /// <summary>Routes every path under a prefix (e.g. "/api/") to an endpoint.</summary>
    public void RoutePrefix(string prefix, Func<EmulatorRequest, EmulatorResponse> endpoint) => _prefixes.Add((prefix, endpoint));

    /// <summary>What every other request gets.</summary>
    public void Fallback(Func<EmulatorRequest, EmulatorResponse> endpoint) => _fallback = endpoint;

    /// <summary>Starts listening; routes are registered before, so no request ever meets a half-built table.</summary>
    /// <summary>Adjusts WireMock's settings before the host starts (its admin API, where its files are).</summary>
    public void ConfigureWireMock(Action<WireMockServerSettings> configure) => configure(_settings);

    /// <exception cref="EmulatorStartException">The host could not listen (a busy port, an address not this machine's).</exception>
    public void Start()
    {
        try
        {
            _server = WireMockServer.Start(_settings);
        }
        catch (Exception e) when (e is not ArgumentException)
        {
            throw new EmulatorStartException(_kind == "web" ? EmulatorHostKind.Web : EmulatorHostKind.Api, BaseUrl.GetLeftPart(UriPartial.Authority), e);
        }
    }

    /// <summary>The WireMock server behind the router, for the mappings its endpoints hand requests to.</summary>
    public WireMockServer Server => _server ?? throw new InvalidOperationException("The host has not started.");

    /// <summary>Sees each request handed to WireMock with WireMock's answer, before it is journaled (the proxy learns from it).</summary>
    public Action<EmulatorRequest, EmulatorResponse>? WireMockAnswered { get; set; }

    /// <summary>
    /// Adjusts a request just before WireMock reads it, given what the endpoint asked for (the
    /// proxy marks a trailing slash WireMock would drop, and a request that goes past the stubs).
    /// </summary>
    public Action<HttpContext, EmulatorResponse>? BeforeWireMock { get; set; }

    public void Dispose()
    {
        _server?.Stop();
        _server?.Dispose();
    }

    // Exact paths first, then prefixes in the order they were added, then the fallback; case-sensitive, as URL paths are.
    private Func<EmulatorRequest, EmulatorResponse> EndpointFor(string path)
    {
        if (_exact.TryGetValue(path, out var endpoint))
        {
            return endpoint;
        }

        foreach (var (prefix, prefixed) in _prefixes)
        {
            if (path.StartsWith(prefix, StringComparison.Ordinal))
            {
                return prefixed;
            }
        }

        return _fallback;
    }

    private async Task AnswerAsync(HttpContext context, byte[] body, RequestDelegate wireMock)
    {
        var method = context.Request.Method;
        var path = context.Request.Path.Value is { Length: > 0 } value ? value : "/";
        var rawQuery = context.Request.QueryString.Value ?? string.Empty;
        EmulatorResponse response;
        EmulatorRequest? request = null;
        try
        {
            var headers = context.Request.Headers.Select(h => KeyValuePair.Create(h.Key, (IReadOnlyList<string>)h.Value.ToArray()!));
            request = new EmulatorRequest(method, path, rawQuery, headers, body, context.Connection.RemoteIpAddress);
            response = EndpointFor(path)(request);
        }
        catch (Exception e)
        {
            // A request the endpoints did not foresee is the client's fault by construction: the model
            // never throws on valid input. Answer 400 rather than 500.
            response = EmulatorResponse.Json(400, JsonText.Error("invalid_request", "Malformed request."), $"400 unexpected {e.GetType().Name}");
        }

        byte[]? wireMockBody = null;
        if (response.HandsToWireMock)
        {
            var forwarded = response;
            BeforeWireMock?.Invoke(context, forwarded);
            (response, wireMockBody) = await WireMockAnswerAsync(context, body, wireMock);
            if (forwarded.Unmatched is not null && NoMappingMatched(response))
            {
                // No user mapping for this request: the model answers, as it would without stubs.
                context.Response.Clear();
                (response, wireMockBody) = (forwarded.Unmatched(), null);
            }
            else if (forwarded.WireMockFailureIsBadInput && response.Status >= 500)
            {
                context.Response.Clear();
                (response, wireMockBody) = (EmulatorResponse.Json(400, """{"Status":"The admin API could not read this request."}""", $"400 admin API refused the request ({response.Status} from WireMock)"), null);
            }
            else
            {
                response = response.ForClient(forwarded.ClientId);
                WireMockAnswered?.Invoke(request!, response);
            }
        }

        var requestId = "req_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var (clientId, findings) = request is null ? (null, []) : Explain(request, response);
        response = response.WithHeader(RequestIdHeader, requestId);
        if (_diagnosisHeader && findings.Count > 0)
        {
            response = response.WithHeader(DiagnosisHeader, JsonSerializer.Serialize(findings.Select(f => new { f.Finding, f.Tip, f.Behaviour, f.Detail }), HeaderJson));
        }

        var exchange = request is null ? null : Sanitize(request, response);
        Journal(method, path, rawQuery, response, requestId, clientId, findings, exchange);
        if (wireMockBody is null)
        {
            await WriteAsync(context, response);
            return;
        }

        foreach (var added in response.Headers.Where(h => h.Key is RequestIdHeader or DiagnosisHeader))
        {
            context.Response.Headers[added.Key] = added.Value;
        }

        await context.Response.Body.WriteAsync(wireMockBody, context.RequestAborted);
    }

    // WireMock's own answer when no mapping matches (WireMockMiddleware: 404, {"Status":"No matching mapping found"}).
    private static bool NoMappingMatched(EmulatorResponse response) =>
        response.Status == 404 && response.Body.Contains("No matching mapping found", StringComparison.Ordinal);

    // WireMock reads the body again and writes its answer into a buffer, so that the answer can be
    // journaled (and its id header added) before anything reaches the client.
    private static async Task<(EmulatorResponse Response, byte[] Body)> WireMockAnswerAsync(HttpContext context, byte[] body, RequestDelegate wireMock)
    {
        context.Request.Body = new MemoryStream(body, writable: false);
        var client = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await wireMock(context);
        }
        finally
        {
            context.Response.Body = client;
        }

        var bytes = buffer.ToArray();
        var answer = context.Response;
        var response = new EmulatorResponse(answer.StatusCode, answer.ContentType, EmulatorResponse.Utf8.GetString(bytes), $"{answer.StatusCode} from WireMock");
        foreach (var header in answer.Headers.Where(h => !h.Key.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)))
        {
            response = response.WithHeader(header.Key, header.Value.ToString());
        }

        answer.ContentLength = bytes.Length;
        return (response, bytes);
    }

    private static Task WriteAsync(HttpContext context, EmulatorResponse response)
    {
        var answer = context.Response;
        answer.StatusCode = response.Status;
        if (response.ContentType is not null)
        {
            answer.ContentType = response.ContentType;
        }

        foreach (var (name, value) in response.Headers)
        {
            answer.Headers[name] = value;
        }

        if (response.Body.Length == 0)
        {
            answer.ContentLength = 0;
            return Task.CompletedTask;
        }

        var bytes = EmulatorResponse.Utf8.GetBytes(response.Body);
        answer.ContentLength = bytes.Length;
        return answer.Body.WriteAsync(bytes, 0, bytes.Length, context.RequestAborted);
    }

    private (string? ClientId, IReadOnlyList<FindingReport> Findings) Explain(EmulatorRequest request, EmulatorResponse response)
    {
        try
        {
            return _diagnosis.Explain(BaseUrl, _kind == "web", request, response);
        }
        catch (Exception)
        {
            // An explanation is a courtesy: failing to give one must never change the answer.
            return (null, []);
        }
    }

    private JournalExchange? Sanitize(EmulatorRequest request, EmulatorResponse response)
    {
        try
        {
            return _sanitizer.Sanitize(BaseUrl, request, response);
        }
        catch (Exception)
        {
            // Like an explanation, the record for grading must never change the answer.
            return null;
        }
    }

    // Values from the request are escaped: a newline in a path or a field must not forge a console line.
    private void Journal(
        string method, string path, string rawQuery, EmulatorResponse response,
        string? requestId = null, string? clientId = null, IReadOnlyList<FindingReport>? findings = null, JournalExchange? exchange = null) =>
        _record(new JournalEntry(
            _now(),
            LogText.Escape(method),
            _kind,
            LogText.Escape(JournalRedactor.Redact(PathAndQuery(path, rawQuery))),
            response.Status,
            LogText.Escape(response.Outcome),
            requestId,
            clientId,
            findings,
            exchange));

    private static string PathAndQuery(string path, string rawQuery)
    {
        var query = rawQuery.TrimStart('?');
        return query.Length == 0 ? path : path + "?" + query;
    }

    /// <summary>WireMock needs a concrete port; port 0 means "pick a free loopback port". The scheme is the host's (http, or https with a certificate).</summary>
    private static string WithConcretePort(string url, string scheme)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"'{url}' is not an absolute http:// URL.", nameof(url));
        }

        var port = uri.Port != 0 ? uri.Port : FreeLoopbackPort();
        return $"{scheme}://{uri.Host}:{port}";
    }

    /// <summary>
    /// A port free on both loopbacks: Kestrel, under WireMock, listens on [::1] too, and the two
    /// address families have separate ports, so a port free on 127.0.0.1 may be taken on [::1].
    /// </summary>
    private static int FreeLoopbackPort()
    {
        for (var attempt = 0; ; attempt++)
        {
            using var v4 = new TcpListener(IPAddress.Loopback, 0);
            v4.Start();
            var port = ((IPEndPoint)v4.LocalEndpoint).Port;
            if (attempt >= 20 || IsFreeOnIPv6Loopback(port))
            {
                return port;
            }
        }
    }

    private static bool IsFreeOnIPv6Loopback(int port)
    {
        try
        {
            using var v6 = new TcpListener(IPAddress.IPv6Loopback, port);
            v6.Start();
            return true;
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            return false;
        }
        catch (SocketException)
        {
            // No IPv6 loopback on this machine: Kestrel will not listen there either.
            return true;
        }
    }
}
