using Klaviyo.OAuth.Emulator.Model;
using WireMock.Server;

namespace Klaviyo.OAuth.Emulator.Http.Stubs;

/// <summary>
/// Users' WireMock mappings behind the model. The model's own paths (/oauth/*, /__control/*,
/// /__health, the web pages) are routed before any of this and keep their answers. Every other
/// API-host path is wrapped here: while no user mapping can exist, the model answers at once (one
/// flag read, so runs without stubs keep their speed); once one may, a request under /api/ first
/// passes the emulator's OAuth checks (bearer token, revision, the endpoint's scopes), then goes
/// to WireMock's own matching, and when no mapping matches the model's answer is sent as if
/// WireMock were not there. In proxy mode the upstream takes the model's place: its catch-all
/// mapping (<see cref="UpstreamProxy.Priority"/>) sits under every user mapping in the same
/// WireMock server, and a request a stub may not answer goes past them all to the upstream
/// (<see cref="InFrontOfUpstream"/>).
/// </summary>
internal sealed class UserStubs(Func<WireMockServer> server)
{
    private readonly MappingScopes _namedScopes = new(server);
    private volatile bool _mayHaveMappings;

    /// <summary>A mapping may have been added (a file, the admin API, <c>Given</c>): from now on requests go by WireMock.</summary>
    public void MayHaveChanged() => _mayHaveMappings = true;

    /// <summary>/api/: the OAuth checks, then a user mapping, else the model.</summary>
    public Func<EmulatorRequest, EmulatorResponse> InFrontOfApi(ApiEndpoint api) => request =>
    {
        if (!_mayHaveMappings)
        {
            return api.Handle(request);
        }

        var refusal = api.RefusalBeforeStub(request, ScopesFor(request), out var clientId);
        return refusal ?? EmulatorResponse.ToWireMockElse(() => api.Handle(request), clientId);
    };

    /// <summary>Any other path that is not the model's: a user mapping, else the model's answer.</summary>
    public Func<EmulatorRequest, EmulatorResponse> InFrontOf(Func<EmulatorRequest, EmulatorResponse> model) => request =>
        _mayHaveMappings ? EmulatorResponse.ToWireMockElse(() => model(request), null) : model(request);

    /// <summary>
    /// Proxy mode, every path the proxy serves. While no user mapping can exist, straight to the
    /// upstream, as before. Once one may: under /api/, a stub may answer only a request whose bearer
    /// token the proxy saw the upstream issue (<see cref="TokenOwners.ScopesOf"/>: not expired, not
    /// revoked through the proxy) with every scope the stub's endpoint needs, and with a valid
    /// revision header; any other goes past the stubs, and the upstream, the authority on its own
    /// tokens, answers it. /oauth/ always goes past them: no stub may issue a token the proxy then
    /// trusts, as none may shadow the model's /oauth/ paths. Other paths: a stub, else the upstream.
    /// </summary>
    public Func<EmulatorRequest, EmulatorResponse> InFrontOfUpstream(UpstreamProxy proxy, Emulation emulation) => request =>
    {
        if (!_mayHaveMappings)
        {
            return proxy.Forward(request);
        }

        var api = request.Path.StartsWith("/api/", StringComparison.Ordinal);
        if (!api && !request.Path.StartsWith("/oauth/", StringComparison.Ordinal))
        {
            return proxy.Forward(request);
        }

        if (api && MayReachStub(request, emulation))
        {
            return proxy.Forward(request);
        }

        return _namedScopes.ReservedPriorityTaker() is { } taker
            ? EmulatorResponse.Json(502, JsonText.Error("stub_outranks_proxy", $"The mapping {taker} has priority {UpstreamProxy.PastStubsPriority}, which the proxy keeps for requests no stub may answer; give it a higher number."), $"502 mapping {taker} takes the proxy's priority")
            : proxy.ForwardPastStubs(request);
    };

    private bool MayReachStub(EmulatorRequest request, Emulation emulation) =>
        request.BearerToken is { } token
        && emulation.SeenTokens.ScopesOf(token, emulation.Clock.Now) is { } granted
        && ApiRevision.Problem(request, out _) is null
        && ScopesFor(request).All(granted.Contains);

    // The scope a matching mapping names in its metadata, else Klaviyo's for the endpoint.
    private IReadOnlyList<string> ScopesFor(EmulatorRequest request) =>
        _namedScopes.For(request.Method, request.Path) ?? ApiScopes.For(request.Method, request.Path);
}
