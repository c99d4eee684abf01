using Klaviyo.OAuth.Conformance.Http;
using Klaviyo.OAuth.Conformance.Targets;

namespace Klaviyo.OAuth.Conformance.Clients;

/// <summary>
/// The reference OAuth client: an app that integrates with Klaviyo as the guide says. It sends its
/// user to the authorize URL with S256 PKCE and a state, exchanges the code and refreshes with Basic
/// client credentials and a form body, revokes, and calls the API with a Bearer token and a
/// revision. Each request is built here once; <see cref="RequestFaults"/> (or a request built by
/// hand and passed to <see cref="SendAsync"/>) makes one depart from it on purpose. It sends through
/// what it is given: a <see cref="TargetHttpClient"/>, or a suite's recorder of exchanges.
/// </summary>
public sealed class ReferenceClient
{
    /// <summary>The scopes the app asks for unless told otherwise: enough to read the account.</summary>
    public const string Scope = "accounts:read";

    public const string TokenPath = "oauth/token";

    public const string RevokePath = "oauth/revoke";

    /// <summary>The API revision sent with every call (Klaviyo's API requires one).</summary>
    public const string Revision = "2024-10-15";

    /// <summary>A real, read-only resource every account has.</summary>
    public const string AccountsResource = "api/accounts/";

    public const string JsonApiMediaType = "application/vnd.api+json";

    private readonly Func<OutgoingRequest, CancellationToken, Task<HttpExchange>> _send;

    /// <param name="send">Sends one request exactly as built and returns the exchange.</param>
    public ReferenceClient(AppRegistration app, Uri apiBaseUrl, Uri webBaseUrl, Func<OutgoingRequest, CancellationToken, Task<HttpExchange>> send)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(apiBaseUrl);
        ArgumentNullException.ThrowIfNull(webBaseUrl);
        ArgumentNullException.ThrowIfNull(send);
        App = app;
        ApiBaseUrl = apiBaseUrl;
        WebBaseUrl = webBaseUrl;
        _send = send;
    }

    public ReferenceClient(AppRegistration app, Uri apiBaseUrl, Uri webBaseUrl, TargetHttpClient http)
        : this(app, apiBaseUrl, webBaseUrl, (http ?? throw new ArgumentNullException(nameof(http))).SendAsync)
    {
    }

    public AppRegistration App { get; }

    /// <summary>The API host (a.klaviyo.com): token, revoke and API calls.</summary>
    public Uri ApiBaseUrl { get; }

    /// <summary>The web host (www.klaviyo.com): the authorization page.</summary>
    public Uri WebBaseUrl { get; }

    /// <summary>A new authorization request of this app (see <see cref="AuthorizationRequest.For"/>).</summary>
    public AuthorizationRequest Authorization(string? codeVerifier = null, string? codeChallenge = null, string? state = null, string scope = Scope) =>
        AuthorizationRequest.For(WebBaseUrl, App, codeVerifier, codeChallenge, state, scope);

    /// <summary>POST /oauth/token with these fields and the app's credentials.</summary>
    public OutgoingRequest TokenRequest(FormBody body, RequestFaults? faults = null) => Authenticated(TokenPath, body, faults ?? RequestFaults.None);

    public OutgoingRequest CodeExchangeRequest(string code, string codeVerifier, RequestFaults? faults = null) =>
        TokenRequest(
            FormBody.Of(("grant_type", "authorization_code"), ("code", code), ("code_verifier", codeVerifier), ("redirect_uri", App.RequiredRedirectUri)),
            faults);

    /// <summary>A refresh; without a refresh token when <paramref name="refreshToken"/> is null (a request the target must refuse).</summary>
    public OutgoingRequest RefreshRequest(string? refreshToken, RequestFaults? faults = null)
    {
        var body = FormBody.Of(("grant_type", "refresh_token"));
        return TokenRequest(refreshToken is null ? body : body.With("refresh_token", refreshToken), faults);
    }

    /// <summary>POST /oauth/revoke (RFC 7009); without a token when <paramref name="token"/> is null.</summary>
    public OutgoingRequest RevokeRequest(string? token, string tokenTypeHint = "refresh_token", RequestFaults? faults = null) =>
        Authenticated(RevokePath, token is null ? FormBody.Of() : FormBody.Of(("token", token), ("token_type_hint", tokenTypeHint)), faults ?? RequestFaults.None);

    /// <summary>GET an API resource with exactly this Authorization header value (none when null) and a revision (none when null).</summary>
    public static OutgoingRequest ApiRequest(Uri apiBaseUrl, string? authorization, string resource = AccountsResource, string? revision = Revision)
    {
        var request = new OutgoingRequest(HttpMethod.Get, new Uri(apiBaseUrl, resource));
        request = (revision is null ? request : request.WithHeader("revision", revision)).WithHeader("accept", JsonApiMediaType);
        return authorization is null ? request : request.WithHeader("Authorization", authorization);
    }

    /// <summary>The Authorization header value for an access token.</summary>
    public static string Bearer(string accessToken) => "Bearer " + accessToken;

    public Task<HttpExchange> SendAsync(OutgoingRequest request, CancellationToken cancellationToken = default) => _send(request, cancellationToken);

    /// <summary>The user's browser opens the authorization page (with the session cookie of a signed-in user, when given).</summary>
    public Task<HttpExchange> OpenAuthorizationPageAsync(AuthorizationRequest request, string? cookie = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return SendAsync(WithCookie(new OutgoingRequest(HttpMethod.Get, request.Url), cookie), cancellationToken);
    }

    /// <summary>The signed-in user allows the app on the consent page: the answer should redirect back to the app with a code.</summary>
    public Task<HttpExchange> AllowAsync(AuthorizationRequest request, string? cookie = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var allow = new OutgoingRequest(HttpMethod.Post, new Uri(request.WebBaseUrl, AuthorizationRequest.Path))
            .WithBody(request.Parameters.With("decision", "allow").Encode(), FormBody.MediaType);
        return SendAsync(WithCookie(allow, cookie), cancellationToken);
    }

    /// <summary>
    /// Opens the authorization page and allows: the approval holds the answer that ended it (the
    /// page, when it was not 200; else the redirect) and the code, when the redirect carries one
    /// with the state sent.
    /// </summary>
    public async Task<Approval> ApproveAsync(AuthorizationRequest request, string? cookie = null, CancellationToken cancellationToken = default)
    {
        var page = await OpenAuthorizationPageAsync(request, cookie, cancellationToken);
        if (page.Status != 200)
        {
            return new Approval(request, page, null);
        }

        var redirect = await AllowAsync(request, cookie, cancellationToken);
        var response = AuthorizationResponse.Of(redirect);
        return new Approval(request, redirect, request.IsAnsweredBy(response) ? response.Code : null);
    }

    public Task<HttpExchange> ExchangeCodeAsync(string code, string codeVerifier, RequestFaults? faults = null, CancellationToken cancellationToken = default) =>
        SendAsync(CodeExchangeRequest(code, codeVerifier, faults), cancellationToken);

    public Task<HttpExchange> RefreshAsync(string? refreshToken, RequestFaults? faults = null, CancellationToken cancellationToken = default) =>
        SendAsync(RefreshRequest(refreshToken, faults), cancellationToken);

    public Task<HttpExchange> RevokeAsync(string? token, string tokenTypeHint = "refresh_token", RequestFaults? faults = null, CancellationToken cancellationToken = default) =>
        SendAsync(RevokeRequest(token, tokenTypeHint, faults), cancellationToken);

    /// <summary>Calls the API with exactly this Authorization header value (none when null).</summary>
    public Task<HttpExchange> CallApiAsync(string? authorization, string resource = AccountsResource, CancellationToken cancellationToken = default) =>
        SendAsync(ApiRequest(ApiBaseUrl, authorization, resource), cancellationToken);

    public Task<HttpExchange> CallApiWithTokenAsync(string accessToken, string resource = AccountsResource, CancellationToken cancellationToken = default) =>
        CallApiAsync(Bearer(accessToken), resource, cancellationToken);

    /// <summary>
    /// What an app does once, when a signed-in user installs it: approve the authorization request
    /// (<paramref name="cookie"/> is the user's session) and exchange the code for tokens.
    /// </summary>
    public async Task<Connection> ConnectAsync(string cookie, string scope = Scope, CancellationToken cancellationToken = default)
    {
        var approval = await ApproveAsync(Authorization(scope: scope), cookie, cancellationToken);
        if (approval.Code is not { } code)
        {
            return new Connection(approval.Answer, null);
        }

        var exchange = await ExchangeCodeAsync(code, approval.Request.CodeVerifier, cancellationToken: cancellationToken);
        return new Connection(exchange, TokenSet.Issued(exchange));
    }

    private OutgoingRequest Authenticated(string path, FormBody body, RequestFaults faults)
    {
        var request = new OutgoingRequest(HttpMethod.Post, new Uri(faults.ToWebHost ? WebBaseUrl : ApiBaseUrl, path));
        var fields = body.With(ClientCredentials.BodyFields(App, faults.Credentials));
        request = faults.BodyAsJson
            ? request.WithBody(fields.EncodeAsJson(), "application/json")
            : request.WithBody(fields.Encode(), FormBody.MediaType);
        return ClientCredentials.AuthorizationHeader(App, faults.Credentials) is { } header
            ? request.WithHeader("Authorization", header)
            : request;
    }

    private static OutgoingRequest WithCookie(OutgoingRequest request, string? cookie) =>
        cookie is null ? request : request.WithHeader("Cookie", cookie);
}

/// <summary>An approval of an authorization request: the answer that ended it, and the code when the redirect carried one with the state sent.</summary>
public sealed record Approval(AuthorizationRequest Request, HttpExchange Answer, string? Code)
{
    // The code is a secret: never in a log line or a failure message.
    public override string ToString() => $"{Answer} ({(Code is null ? "no code" : "a code, redacted")})";
}

/// <summary>An app's installation: the last exchange (the code exchange, or the approval's answer when it gave no code) and the tokens issued, if any.</summary>
public sealed record Connection(HttpExchange Last, TokenSet? Tokens);
