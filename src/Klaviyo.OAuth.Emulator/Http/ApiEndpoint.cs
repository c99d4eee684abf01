using Klaviyo.OAuth.Emulator.Model;
using Klaviyo.OAuth.Emulator.Model.Api;

namespace Klaviyo.OAuth.Emulator.Http;

/// <summary>
/// Everything under /api/ on the API host, checked in one order on every path: outage (503), the
/// Bearer token (401 not_authenticated for a header of the wrong shape, 401 authentication_failed
/// for a well-formed token that is unknown, expired or revoked), the revision header (400), the
/// path (404), the revision's date (404 before the endpoint existed, refused in the future), the
/// method (405), the collection's read scope (403), the rate limit (429), then the resource itself.
/// Every answer but a 429 carries the RateLimit headers of the app's window for the endpoint.
/// </summary>
internal sealed class ApiEndpoint(Emulation emulation, Uri apiBase)
{
    private const string InvalidCode = "invalid";
    private const string InvalidTitle = "Invalid input.";

    private readonly JsonApiDocument _documents = new(apiBase);

    public EmulatorResponse Handle(EmulatorRequest request)
    {
        var (header, token, wellFormed, state, accessToken) = Credentials(request);
        ApiRateDecision? counted = null;
        var response = Answer(request, header, token, wellFormed, state, accessToken, ref counted);
        var tier = ApiCollection.Resolve(request.Path) is var (collection, id) ? collection.TierFor(id) : ApiCollection.UnknownPathTier;
        return ApiRefusals.WithRateLimitHeaders(response, counted ?? emulation.ApiRateLimits.Peek(accessToken?.ClientId, accessToken?.AccountId, tier));
    }

    /// <summary>
    /// The checks a request passes before a user's stub may answer it, in the model's order:
    /// outage (503), the Bearer token (401), the revision header (400), then the endpoint's scope
    /// (403). Null: the request may reach a stub, for the app of <paramref name="clientId"/>.
    /// </summary>
    public EmulatorResponse? RefusalBeforeStub(EmulatorRequest request, IReadOnlyList<string> scopes, out string? clientId)
    {
        var (header, token, wellFormed, state, accessToken) = Credentials(request);
        clientId = accessToken?.ClientId;
        var options = emulation.Options;
        var refusal = Unauthenticated(header, token, wellFormed, state, accessToken)
            ?? (ApiRevision.Problem(request, out _) is { } revisionProblem
                ? JsonApiError.Of(400, options.RevisionErrorCode, options.RevisionErrorTitle, revisionProblem, "revision header missing or malformed")
                : null)
            ?? (scopes.FirstOrDefault(scope => !accessToken!.Grants(scope)) is not { } scope
                ? null
                : JsonApiError.Of(403, options.ScopeErrorCode, options.ScopeErrorTitle, $"This access token lacks the scope {scope}.", $"scope {scope} not granted"));
        return refusal?.ForClient(clientId);
    }

    private (string? Header, string? Token, bool WellFormed, AccessTokenState State, AccessToken? AccessToken) Credentials(EmulatorRequest request)
    {
        var header = request.Header("Authorization");
        var token = request.BearerToken;
        var wellFormed = emulation.AccessTokenShape.IsWellFormed(token);
        AccessToken? accessToken = null;
        var state = wellFormed ? emulation.Tokens.Check(token!, out accessToken) : AccessTokenState.Unknown;
        return (header, token, wellFormed, state, accessToken);
    }

    private EmulatorResponse Answer(
        EmulatorRequest request, string? header, string? token, bool wellFormed, AccessTokenState state, AccessToken? accessToken, ref ApiRateDecision? counted) =>
        Unauthenticated(header, token, wellFormed, state, accessToken) ?? Authenticated(request, accessToken!, ref counted);

    private EmulatorResponse? Unauthenticated(string? header, string? token, bool wellFormed, AccessTokenState state, AccessToken? accessToken)
    {
        if (emulation.Outages.IsDown(EndpointFamily.Api, accessToken?.ClientId))
        {
            return ApiRefusals.Unavailable("API outage");
        }

        if (!wellFormed)
        {
            var why = header is null ? "no Authorization header"
                : token is null ? "Authorization header does not start with 'Bearer '"
                : "access token is not of the expected shape";
            return ApiRefusals.NotAuthenticated(why);
        }

        if (state != AccessTokenState.Active)
        {
            return ApiRefusals.AuthenticationFailed($"access token {state.ToString().ToLowerInvariant()}");
        }

        return null;
    }

    private EmulatorResponse Authenticated(EmulatorRequest request, AccessToken accessToken, ref ApiRateDecision? counted) =>
        AuthenticatedAnswer(request, accessToken, ref counted).ForClient(accessToken.ClientId);

    private EmulatorResponse AuthenticatedAnswer(EmulatorRequest request, AccessToken accessToken, ref ApiRateDecision? counted)
    {
        var options = emulation.Options;
        if (ApiRevision.Problem(request, out var revision) is { } revisionProblem)
        {
            return JsonApiError.Of(400, options.RevisionErrorCode, options.RevisionErrorTitle, revisionProblem, "revision header missing or malformed");
        }

        if (ApiCollection.Resolve(request.Path) is not var (collection, id))
        {
            return JsonApiError.Of(404, "not_found", "Not found.", $"No resource at {request.Path}.", "unknown API path");
        }

        if (revision < collection.FirstRevision)
        {
            return ApiRefusals.NoValidRevision($"revision {revision:yyyy-MM-dd} is before /api/{collection.Segment}/ existed ({collection.FirstRevision:yyyy-MM-dd})");
        }

        if (revision > DateOnly.FromDateTime(emulation.Clock.Now(accessToken.ClientId).UtcDateTime))
        {
            return JsonApiError.Of(options.FutureRevisionStatus, options.RevisionErrorCode, options.RevisionErrorTitle, options.FutureRevisionDetail, $"revision {revision:yyyy-MM-dd} is in the future");
        }

        if (request.Method != "GET")
        {
            return JsonApiError.Of(405, "method_not_allowed", "Method not allowed.", $"Method \"{request.Method}\" not allowed.", $"method {request.Method} not allowed")
                .WithHeader("Allow", "GET");
        }

        if (!accessToken.Grants(collection.ReadScope))
        {
            return JsonApiError.Of(403, options.ScopeErrorCode, options.ScopeErrorTitle, $"This access token lacks the scope {collection.ReadScope}.", $"scope {collection.ReadScope} not granted");
        }

        var tier = collection.TierFor(id);
        var decision = emulation.ApiRateLimits.Take(accessToken.ClientId, accessToken.AccountId, tier);
        if (decision.IsThrottled)
        {
            return ApiRefusals.Throttled(decision.Wait, options.RetryAfterOnZeroSecondThrottle, $"tier {tier} limit reached for this app");
        }

        counted = decision;

        var query = FormFields.TryParse(request.RawQuery, out var queryProblem);
        if (query is null)
        {
            return JsonApiError.Of(400, InvalidCode, InvalidTitle, $"The query string is malformed: {queryProblem}.", "malformed query");
        }

        var include = (query["include"] ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (include.FirstOrDefault(name => !Includable(collection).Contains(name)) is { } unknown)
        {
            return JsonApiError.Of(400, InvalidCode, InvalidTitle, $"'{unknown}' is not a relationship of {collection.Type} that can be included.", "unknown include");
        }

        // The account needs only its own details; the audience data is generated once, for the other collections.
        var all = collection.Type == "account"
            ? [AccountDetails.Generate(options.DataSeed, accessToken.AccountId)]
            : emulation.ApiData.All(collection.Type);
        if (id is not null)
        {
            var resource = all.FirstOrDefault(r => r.Id == id);
            return resource is null
                ? JsonApiError.Of(404, "not_found", "Not found.", $"No {collection.Type} with id '{id}'.", $"no such {collection.Type}")
                : _documents.One(resource, request.Path.TrimStart('/'), include, $"{collection.Type} read");
        }

        if (ApiPaging.Read(query, out var pagingProblem) is not var (offset, size))
        {
            return JsonApiError.Of(400, InvalidCode, InvalidTitle, pagingProblem!, "bad page parameters");
        }

        return _documents.Many(Page.Of(all, offset, size), request.Path.TrimStart('/'), query, include, $"{collection.Segment} listed");
    }

    private static IReadOnlyList<string> Includable(ApiCollection collection) =>
        collection.Type == "event" ? ["metric", "profile"] : [];
}
