using WireMock.Server;

namespace Klaviyo.OAuth.Emulator.Http.Stubs;

/// <summary>
/// Users' WireMock mappings behind the model. The model's own paths (/oauth/*, /__control/*,
/// /__health, the web pages) are routed before any of this and keep their answers. Every other
/// API-host path is wrapped here: while no user mapping can exist, the model answers at once (one
/// flag read, so runs without stubs keep their speed); once one may, a request under /api/ first
/// passes the emulator's OAuth checks (bearer token, revision, the endpoint's scopes), then goes
/// to WireMock's own matching, and when no mapping matches the model's answer is sent as if
/// WireMock were not there. A proxy hooks in below this: its catch-all mapping
/// (<see cref="UpstreamProxy.Priority"/>) sits under every user mapping in the same WireMock
/// server, so a stub answers first, then the upstream.
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

    // The scope a matching mapping names in its metadata, else Klaviyo's for the endpoint.
    private IReadOnlyList<string> ScopesFor(EmulatorRequest request) =>
        _namedScopes.For(request.Method, request.Path) ?? ApiScopes.For(request.Method, request.Path);
}
