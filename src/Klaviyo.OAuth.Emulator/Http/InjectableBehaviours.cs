using Klaviyo.OAuth.Emulator.Model;

namespace Klaviyo.OAuth.Emulator.Http;

/// <summary>
/// Every error behaviour an app can meet, by its catalogue id, with the host and the kind of
/// request it is injected on and its answer, built by the same method the model answers it with.
/// Two ids are not the guide's but Klaviyo's API's (EVIDENCE): api.throttled and api.no-valid-revision.
/// </summary>
internal sealed record InjectableBehaviour(string Id, string Host, InjectionSite Site, Func<EmulatorOptions, string, EmulatorResponse> Answer)
{
    public const string ApiHost = "api";
    public const string WebHost = "web";

    public static readonly IReadOnlyList<InjectableBehaviour> All =
    [
        Token("token.invalid-client", InjectionSite.TokenRequest, (_, why) => TokenEndpoint.InvalidClient(why)),
        Token("token.unsupported-grant-type", InjectionSite.TokenRequest, (_, why) => TokenEndpoint.UnsupportedGrantType(why)),
        Token("token.unavailable", InjectionSite.TokenRequest, (_, why) => OAuthError.Unavailable(why)),
        new("token.wrong-host", ApiHost, InjectionSite.TokenRequest, (_, why) => HtmlPages.Cdn403(why)),
        Token("token.refresh.missing-token", InjectionSite.RefreshGrant, (_, why) => RefreshTokenGrant.MissingRefreshToken(why)),
        Token("token.refresh.revoked", InjectionSite.RefreshGrant, (_, why) => RefreshTokenGrant.Refused(RefreshRefusal.Revoked, TimeSpan.Zero, why)),
        Token("token.refresh.not-found", InjectionSite.RefreshGrant, (_, why) => RefreshTokenGrant.Refused(RefreshRefusal.NotFound, TimeSpan.Zero, why)),
        Token("token.refresh.inactive", InjectionSite.RefreshGrant, (_, why) => RefreshTokenGrant.Refused(RefreshRefusal.Inactive, TimeSpan.Zero, why)),
        Token("token.refresh.rate-limited", InjectionSite.RefreshGrant, (options, why) => RefreshTokenGrant.Refused(RefreshRefusal.RateLimited, options.RefreshRateWindow, why)),
        Token("token.pkce.challenge-failed", InjectionSite.CodeExchange, (_, why) => AuthorizationCodeGrant.ChallengeFailedAnswer(why)),
        Token("token.pkce.invalid-verifier", InjectionSite.CodeExchange, (_, why) => AuthorizationCodeGrant.InvalidVerifierAnswer(why)),
        Token("revoke.invalid-client", InjectionSite.Revocation, (_, why) => RevokeEndpoint.InvalidClient(why)),
        Token("revoke.invalid-request", InjectionSite.Revocation, (_, why) => RevokeEndpoint.InvalidRequest(why)),
        Token("revoke.unavailable", InjectionSite.Revocation, (_, why) => OAuthError.Unavailable(why)),
        new("revoke.wrong-host", ApiHost, InjectionSite.Revocation, (_, why) => HtmlPages.Cdn403(why)),
        new("api.not-authenticated", ApiHost, InjectionSite.ApiCall, (_, why) => ApiRefusals.NotAuthenticated(why)),
        new("api.authentication-failed", ApiHost, InjectionSite.ApiCall, (_, why) => ApiRefusals.AuthenticationFailed(why)),
        new("api.unavailable", ApiHost, InjectionSite.ApiCall, (_, why) => ApiRefusals.Unavailable(why)),
        new("api.throttled", ApiHost, InjectionSite.ApiCall, (options, why) => ApiRefusals.Throttled(ApiTierLimits.BurstWindow, options.RetryAfterOnZeroSecondThrottle, why)),
        new("api.no-valid-revision", ApiHost, InjectionSite.ApiCall, (_, why) => ApiRefusals.NoValidRevision(why)),
        new("authorize.role-denied", WebHost, InjectionSite.Authorization, (_, why) => HtmlPages.Denied(why)),
        new("authorize.unavailable", WebHost, InjectionSite.Authorization, (_, why) => HtmlPages.Unavailable(why)),
        new("client-page.not-found", WebHost, InjectionSite.ClientPage, (_, why) => HtmlPages.NotFound(why)),
    ];

    public static InjectableBehaviour? Find(string id) => All.FirstOrDefault(b => b.Id == id);

    public static string IdList => string.Join(", ", All.Select(b => b.Id));

    // The token and revoke endpoints send every answer with no-store, so an injected one does too.
    private static InjectableBehaviour Token(string id, InjectionSite site, Func<EmulatorOptions, string, EmulatorResponse> answer) =>
        new(id, ApiHost, site, (options, why) => OAuthError.NoStore(answer(options, why)));
}
