using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text.Json;
using Klaviyo.OAuth.Emulator.Diagnosis;
using Klaviyo.OAuth.Guide.Diagnosis;
using Klaviyo.OAuth.Guide.Redaction;
using WireMock;
using WireMock.Logging;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;
using WireMock.Types;
using WireMock.Util;

namespace Klaviyo.OAuth.Emulator.Http;

/// <summary>
/// One WireMock.Net server (the API host or the web host): mappings whose callbacks hand a
/// WireMock-free <see cref="EmulatorRequest"/> to an endpoint, journal the outcome, and turn any
/// unexpected exception into a 400 instead of a 500.
/// </summary>
internal sealed class EmulatorHost : IDisposable
{
    private const int RoutePriority = 10;
    private const int FallbackPriority = 1000;

    /// <summary>Sent with every answer; the journal entry of the request carries the same id.</summary>
    public const string RequestIdHeader = "X-Request-Id";

    /// <summary>Sent with refusals when <see cref="EmulatorOptions.DiagnosisHeader"/> is on: the findings as JSON.</summary>
    public const string DiagnosisHeader = "X-Klaviyo-Emulator-Diagnosis";

    // The default encoder escapes every non-ASCII character, which a header value must not carry.
    private static readonly JsonSerializerOptions HeaderJson = new(JsonSerializerDefaults.Web);

    // Patterns only (secret-named query values, credentials): the journal is shared with whoever
    // reads it, and the emulator has no literal secrets to register with it.
    private static readonly SecretRedactor JournalRedactor = new();

    private readonly WireMockServer _server;
    private readonly string _kind;
    private readonly Action<JournalEntry> _record;
    private readonly Func<DateTimeOffset> _now;
    private readonly RefusalDiagnosis _diagnosis;
    private readonly bool _diagnosisHeader;
    private readonly JournalSanitizer _sanitizer;

    public EmulatorHost(string kind, string url, Action<JournalEntry> record, Func<DateTimeOffset> now, RefusalDiagnosis diagnosis, bool diagnosisHeader, JournalSanitizer sanitizer)
    {
        _sanitizer = sanitizer;
        _kind = kind;
        _record = record;
        _now = now;
        _diagnosis = diagnosis;
        _diagnosisHeader = diagnosisHeader;
        var concreteUrl = WithConcretePort(url);
        var guard = new RequestGuard((context, response) =>
            Journal(context.Request.Method, context.Request.Path.Value ?? "/", context.Request.QueryString.Value ?? string.Empty, response));
        _server = WireMockServer.Start(new WireMockServerSettings
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
        });
        // WireMock reports 127.0.0.1 as "localhost"; keep the address it was asked to bind.
        BaseUrl = new Uri(concreteUrl + "/");
    }

    public Uri BaseUrl { get; }

    /// <summary>Routes one exact path to an endpoint, any method (endpoints answer 405 themselves).</summary>
    public void Route(string path, Func<EmulatorRequest, EmulatorResponse> endpoint) =>
        Map(Request.Create().WithPath(path).UsingAnyMethod(), RoutePriority, endpoint);

    /// <summary>Routes every path under a prefix (e.g. "/api/") to an endpoint.</summary>
    public void RoutePrefix(string prefix, Func<EmulatorRequest, EmulatorResponse> endpoint) =>
        Map(Request.Create().WithPath(new WildcardMatcher(prefix + "*")).UsingAnyMethod(), RoutePriority + 1, endpoint);

    /// <summary>What every other request gets.</summary>
    public void Fallback(Func<EmulatorRequest, EmulatorResponse> endpoint) =>
        Map(Request.Create().WithPath(new WildcardMatcher("*")).UsingAnyMethod(), FallbackPriority, endpoint);

    public void Dispose()
    {
        _server.Stop();
        _server.Dispose();
    }

    private void Map(IRequestBuilder request, int priority, Func<EmulatorRequest, EmulatorResponse> endpoint) =>
        _server.Given(request).AtPriority(priority).RespondWith(Response.Create().WithCallback(message => Answer(message, endpoint)));

    private ResponseMessage Answer(IRequestMessage message, Func<EmulatorRequest, EmulatorResponse> endpoint)
    {
        var path = message.AbsolutePath ?? message.Path ?? "/";
        var rawQuery = message.RawQuery ?? string.Empty;
        EmulatorResponse response;
        EmulatorRequest? request = null;
        try
        {
            var headers = (message.Headers ?? new Dictionary<string, WireMockList<string>>())
                .ToDictionary(h => h.Key, h => (IReadOnlyList<string>)h.Value.ToArray(), StringComparer.OrdinalIgnoreCase);
            request = new EmulatorRequest(message.Method ?? "GET", path, rawQuery, headers, message.BodyData?.BodyAsBytes ?? []);
            response = endpoint(request);
        }
        catch (Exception e)
        {
            // A request the endpoints did not foresee is the client's fault by construction: the model
            // never throws on valid input. Answer 400 rather than let WireMock answer 500.
            response = EmulatorResponse.Json(400, JsonText.Error("invalid_request", "Malformed request."), $"400 unexpected {e.GetType().Name}");
        }

        var requestId = "req_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var (clientId, findings) = request is null ? (null, []) : Explain(request, response);
        response.WithHeader(RequestIdHeader, requestId);
        if (_diagnosisHeader && findings.Count > 0)
        {
            response.WithHeader(DiagnosisHeader, JsonSerializer.Serialize(findings.Select(f => new { f.Finding, f.Tip, f.Behaviour, f.Detail }), HeaderJson));
        }

        var exchange = request is null ? null : Sanitize(request, response);
        Journal(message.Method ?? "?", path, rawQuery, response, requestId, clientId, findings, exchange);
        return ToWireMock(response);
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

    private static ResponseMessage ToWireMock(EmulatorResponse response)
    {
        var message = new ResponseMessage { StatusCode = response.Status };
        if (response.ContentType is not null)
        {
            message.AddHeader("Content-Type", response.ContentType);
        }

        foreach (var (name, value) in response.Headers)
        {
            message.AddHeader(name, value);
        }

        if (response.Body.Length > 0)
        {
            message.BodyData = new BodyData
            {
                BodyAsString = response.Body,
                DetectedBodyType = BodyType.String,
                Encoding = EmulatorResponse.Utf8,
            };
        }

        return message;
    }

    /// <summary>WireMock needs a concrete port; port 0 means "pick a free loopback port".</summary>
    private static string WithConcretePort(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp)
        {
            throw new ArgumentException($"'{url}' is not an absolute http:// URL.", nameof(url));
        }

        if (uri.Port != 0)
        {
            return uri.GetLeftPart(UriPartial.Authority);
        }

        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return $"{uri.Scheme}://{uri.Host}:{port}";
    }
}
