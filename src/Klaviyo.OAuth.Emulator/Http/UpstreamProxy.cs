using System.Text.Json;
using Klaviyo.OAuth.Emulator.Model;
using Microsoft.AspNetCore.Http;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Settings;

namespace Klaviyo.OAuth.Emulator.Http;

/// <summary>
/// Proxy mode: a host's requests go on to an upstream (the real Klaviyo, or another emulator)
/// through WireMock's proxying, after the injection point and before the journal. The router
/// attributes each request to its app first; the proxy learns which app each token the upstream
/// issues belongs to, so that later requests carrying it are attributed too, and may record the
/// upstream's /api/ answers as WireMock mappings.
/// </summary>
internal sealed class UpstreamProxy(Emulation emulation, Uri upstream, MappingRecorder? recorder)
{
    /// <summary>Below every stub a user adds (WireMock serves the lowest number first).</summary>
    public const int Priority = 1_000_000;

    // WireMock's proxy builds the upstream URL from the path without its trailing slash, and
    // Klaviyo's paths end with one. A request whose path ends with "/" is sent to WireMock with this
    // marker first in its query, which the proxy's URL replacement turns back into the slash.
    private const string SlashMarker = "__emulator_trailing_slash=";

    /// <summary>The endpoint for every proxied path: attribute the request, then hand it to WireMock.</summary>
    public EmulatorResponse Forward(EmulatorRequest request)
    {
        return EmulatorResponse.ToWireMock(RequestOwner.ClientOf(emulation, request));
    }

    /// <summary>Adds the proxy mapping to the host's WireMock server and watches what comes back.</summary>
    public void Install(EmulatorHost host)
    {
        var settings = new ProxyAndRecordSettings
        {
            Url = upstream.GetLeftPart(UriPartial.Authority),
            AllowAutoRedirect = false,
            ReplaceSettings = new ProxyUrlReplaceSettings { OldValue = "?" + SlashMarker, NewValue = "/?" },
        };
        host.Server
            .Given(Request.Create().WithPath("/*"))
            .AtPriority(Priority)
            .RespondWith(Response.Create().WithProxy(settings));
        host.WireMockAnswered = Observe;
        host.BeforeWireMock = MarkTrailingSlash;
    }

    private static void MarkTrailingSlash(HttpContext context)
    {
        if (context.Request.Path.Value is { Length: > 1 } path && path.EndsWith('/'))
        {
            var query = context.Request.QueryString.Value is { Length: > 1 } rest ? "&" + rest[1..] : string.Empty;
            context.Request.QueryString = new QueryString("?" + SlashMarker + query);
        }
    }

    private void Observe(EmulatorRequest request, EmulatorResponse response)
    {
        if (request.Path == "/oauth/token" && response.Status == 200 && response.ClientId is { } clientId)
        {
            RememberIssued(response.Body, clientId);
        }

        if (recorder is not null && request.Path.StartsWith("/api/", StringComparison.Ordinal))
        {
            recorder.Record(request, response);
        }
    }

    private void RememberIssued(string body, string clientId)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            foreach (var name in new[] { "access_token", "refresh_token" })
            {
                if (json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty(name, out var token) && token.ValueKind == JsonValueKind.String)
                {
                    emulation.SeenTokens.Remember(token.GetString()!, clientId);
                }
            }
        }
        catch (JsonException)
        {
            // Not a token response after all: nothing to learn.
        }
    }
}
