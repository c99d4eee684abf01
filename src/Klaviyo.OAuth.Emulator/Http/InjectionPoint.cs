using Klaviyo.OAuth.Emulator.Model;

namespace Klaviyo.OAuth.Emulator.Http;

/// <summary>
/// In front of an endpoint (the model's, or the upstream's through the proxy): answers a request
/// with an injected behaviour when one is pending for its kind and its app, and otherwise lets the
/// endpoint answer.
/// </summary>
internal sealed class InjectionPoint(Emulation emulation)
{
    private static readonly InjectionSite[] RefreshSites = [InjectionSite.TokenRequest, InjectionSite.RefreshGrant];
    private static readonly InjectionSite[] CodeSites = [InjectionSite.TokenRequest, InjectionSite.CodeExchange];
    private static readonly InjectionSite[] TokenSites = [InjectionSite.TokenRequest];
    private static readonly InjectionSite[] RevokeSites = [InjectionSite.Revocation];
    private static readonly InjectionSite[] ApiSites = [InjectionSite.ApiCall];
    private static readonly InjectionSite[] AuthorizeSites = [InjectionSite.Authorization];
    private static readonly InjectionSite[] ClientPageSites = [InjectionSite.ClientPage];

    public Func<EmulatorRequest, EmulatorResponse> Wrap(string host, Func<EmulatorRequest, EmulatorResponse> endpoint) =>
        request => Injected(host, request) ?? endpoint(request);

    /// <summary>The injected answer for this request, or null to let the endpoint answer.</summary>
    public EmulatorResponse? Injected(string host, EmulatorRequest request)
    {
        if (!emulation.Injections.AnyPending || SitesOf(host, request) is not { Length: > 0 } sites)
        {
            return null;
        }

        var behaviour = emulation.Injections.Take(sites, () => RequestOwner.ClientOf(emulation, request));
        if (behaviour is null || InjectableBehaviour.Find(behaviour) is not { } injectable)
        {
            return null;
        }

        return injectable.Answer(emulation.Options, "injected " + behaviour).ForClient(RequestOwner.ClientOf(emulation, request));
    }

    private static InjectionSite[] SitesOf(string host, EmulatorRequest request) => (host, request.Path) switch
    {
        (InjectableBehaviour.ApiHost, "/oauth/token") => GrantType(request) switch
        {
            "refresh_token" => RefreshSites,
            "authorization_code" => CodeSites,
            _ => TokenSites,
        },
        (InjectableBehaviour.ApiHost, "/oauth/revoke") => RevokeSites,
        (InjectableBehaviour.ApiHost, var path) when path.StartsWith("/api/", StringComparison.Ordinal) => ApiSites,
        (InjectableBehaviour.WebHost, "/oauth/authorize") => AuthorizeSites,
        (InjectableBehaviour.WebHost, "/oauth/client") => ClientPageSites,
        _ => [],
    };

    private static string? GrantType(EmulatorRequest request) =>
        request.IsFormUrlEncoded ? FormFields.TryParse(request.Body, out _)?["grant_type"] : null;
}
