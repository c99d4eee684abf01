using System.Text.Json;
using Klaviyo.OAuth.Emulator.Model;
using Microsoft.AspNetCore.Http;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace Klaviyo.OAuth.Emulator.Http;

/// <summary>
/// Proxy mode: a host's requests go on to an upstream (the real Klaviyo, or another emulator)
/// through WireMock's proxying, after the injection point and before the journal. The router
/// attributes each request to its app first; the proxy learns which app each token the upstream
/// issues belongs to (and what each access token grants, for <see cref="Stubs.UserStubs"/>), so
/// that later requests carrying it are attributed too, and may record the upstream's /api/ answers
/// as WireMock mappings. A request goes either by WireMock's matching (a user's stub, else the
/// upstream) or past every user stub to the upstream.
/// </summary>
internal sealed class UpstreamProxy(Emulation emulation, Uri upstream, MappingRecorder? recorder)
{
    /// <summary>Below every stub a user adds (WireMock serves the lowest number first).</summary>
    public const int Priority = 1_000_000;

    /// <summary>
    /// Above every stub a user may add: the proxy mappings for requests that go past the stubs.
    /// WireMock's own admin mappings share it, for /__admin/ paths only; a user mapping at this
    /// priority could tie with these, so it is refused (<see cref="Stubs.MappingFiles"/>, <see cref="Stubs.UserStubs"/>).
    /// </summary>
    public const int PastStubsPriority = int.MinValue;

    // WireMock's proxy builds the upstream URL from the path without its trailing slash, and cannot
    // be told to skip the user's mappings. So a request that needs either is handed to WireMock with
    // this marker first in its query: its value picks one of the proxy's mappings, whose URL
    // replacement turns the marker back into what the request had there (the slash, the "?" of the
    // rest of the query, or nothing), so the upstream receives the path and query as they were sent.
    private const string MarkerName = "__emulator_proxy";

    // The proxy's mappings title; no user mapping needs it.
    private const string OwnTitle = "Klaviyo emulator: upstream proxy";

    private WireMockServer? _server;

    /// <summary>Whether a mapping is one of the proxy's own.</summary>
    public static bool IsOwn(WireMock.IMapping mapping) => mapping.Title == OwnTitle;

    /// <summary>The endpoint for every proxied path: attribute the request, then hand it to WireMock (a user's stub, else the upstream).</summary>
    public EmulatorResponse Forward(EmulatorRequest request) =>
        EmulatorResponse.ToWireMock(RequestOwner.ClientOf(emulation, request));

    /// <summary>Attributes the request and hands it to the upstream past every user stub.</summary>
    public EmulatorResponse ForwardPastStubs(EmulatorRequest request) =>
        EmulatorResponse.ToWireMockPastStubs(RequestOwner.ClientOf(emulation, request));

    /// <summary>Adds the proxy's mappings to the host's WireMock server and watches what comes back.</summary>
    public void Install(EmulatorHost host)
    {
        _server = host.Server;
        AddMappings(host.Server);
        host.WireMockAnswered = Observe;
        host.BeforeWireMock = Mark;
    }

    // Each of the proxy's mappings has a fixed id, so adding them again replaces them: after a change
    // through the admin API (a reset removes every mapping that is not WireMock's own), they are back.
    private void AddMappings(WireMockServer server)
    {
        byte id = 0;
        server
            .Given(Request.Create().WithPath("/*"))
            .WithGuid(OwnGuid(id++))
            .AtPriority(Priority)
            .WithTitle(OwnTitle)
            .RespondWith(Response.Create().WithProxy(Settings(null)));
        foreach (var pastStubs in new[] { false, true })
        {
            foreach (var (slash, query) in new[] { (false, false), (false, true), (true, false), (true, true) })
            {
                if (pastStubs || slash)
                {
                    var marker = Marker(pastStubs, slash, query);
                    server
                        .Given(Request.Create().WithPath("/*").WithParam(MarkerName, new ExactMatcher(marker.Value)))
                        .WithGuid(OwnGuid(id++))
                        .AtPriority(pastStubs ? PastStubsPriority : Priority - 1)
                        .WithTitle(OwnTitle)
                        .RespondWith(Response.Create().WithProxy(Settings(new ProxyUrlReplaceSettings { OldValue = marker.Text, NewValue = marker.Restored })));
                }
            }
        }
    }

    private static Guid OwnGuid(byte id) => new(0x6b6c6176, 0x6979, 0x6f00, 0x80, 0, 0, 0, 0, 0, 0, id);

    // The marker a request gets, as it appears in the URL, and what the upstream gets in its place.
    private static (string Value, string Text, string Restored) Marker(bool pastStubs, bool slash, bool query)
    {
        var value = (pastStubs ? "upstream" : "stubs") + (slash ? "-slash" : string.Empty) + (query ? "-query" : string.Empty);
        return (value, $"?{MarkerName}={value}{(query ? "&" : string.Empty)}", (slash ? "/" : string.Empty) + (query ? "?" : string.Empty));
    }

    private ProxyAndRecordSettings Settings(ProxyUrlReplaceSettings? replace) => new()
    {
        Url = upstream.GetLeftPart(UriPartial.Authority),
        AllowAutoRedirect = false,
        ReplaceSettings = replace,
    };

    private static void Mark(HttpContext context, EmulatorResponse forwarded)
    {
        var slash = context.Request.Path.Value is { Length: > 1 } path && path.EndsWith('/');
        if (!forwarded.PastUserStubs && !slash)
        {
            return;
        }

        var rest = context.Request.QueryString.Value is { Length: > 1 } query ? query[1..] : null;
        var marker = Marker(forwarded.PastUserStubs, slash, rest is not null);
        context.Request.QueryString = new QueryString(marker.Text + rest);
    }

    private void Observe(EmulatorRequest request, EmulatorResponse response)
    {
        if (request.Method != "GET" && request.Path.StartsWith("/__admin", StringComparison.Ordinal) && _server is { } server)
        {
            AddMappings(server);
        }

        if (response.Status == 200 && response.ClientId is { } clientId && request.Path == "/oauth/token")
        {
            RememberIssued(request, response.Body, clientId);
        }

        if (response.Status == 200 && request.Path == "/oauth/revoke" && Form(request)?["token"] is { } revoked)
        {
            emulation.SeenTokens.Revoked(revoked, response.ClientId);
        }

        if (recorder is not null && request.Path.StartsWith("/api/", StringComparison.Ordinal))
        {
            recorder.Record(request, response);
        }
    }

    private FormFields? Form(EmulatorRequest request) =>
        request.IsFormUrlEncoded && request.Body.Length <= emulation.Options.MaxBodyBytes ? FormFields.TryParse(request.Body, out _) : null;

    private void RememberIssued(EmulatorRequest request, string body, string clientId)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.ValueKind != JsonValueKind.Object)
            {
                return;
            }

            var answer = json.RootElement;
            var form = Form(request);
            var expiresAt = answer.TryGetProperty("expires_in", out var lifetime) && lifetime.TryGetInt64(out var seconds)
                ? emulation.Clock.Now(clientId) + TimeSpan.FromSeconds(Math.Clamp(seconds, 0, (long)EmulatorClock.MaxAhead.TotalSeconds))
                : (DateTimeOffset?)null;
            emulation.SeenTokens.RememberIssued(
                clientId,
                Text(answer, "access_token"),
                Text(answer, "refresh_token"),
                Text(answer, "scope")?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [],
                expiresAt,
                form?["grant_type"] == "refresh_token" ? form?["refresh_token"] : null);
        }
        catch (JsonException)
        {
            // Not a token response after all: nothing to learn.
        }
    }

    private static string? Text(JsonElement answer, string name) =>
        answer.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
