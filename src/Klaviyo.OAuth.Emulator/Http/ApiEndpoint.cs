using Klaviyo.OAuth.Emulator.Model;

namespace Klaviyo.OAuth.Emulator.Http;

/// <summary>
/// Everything under /api/ on the API host. A Bearer header that is not exactly "Bearer " plus a
/// token of the documented shape is not_authenticated; a well-formed token that is unknown,
/// expired or revoked is authentication_failed. One real-looking resource: GET /api/accounts/.
/// </summary>
internal sealed class ApiEndpoint(Emulation emulation)
{
    private const string BearerPrefix = "Bearer ";

    public EmulatorResponse Handle(EmulatorRequest request)
    {
        var header = request.Header("Authorization");
        var token = header is not null && header.StartsWith(BearerPrefix, StringComparison.Ordinal) ? header[BearerPrefix.Length..] : null;
        var wellFormed = emulation.AccessTokenShape.IsWellFormed(token);
        AccessToken? accessToken = null;
        var state = wellFormed ? emulation.Tokens.Check(token!, out accessToken) : AccessTokenState.Unknown;

        if (emulation.Outages.IsDown(EndpointFamily.Api, accessToken?.ClientId))
        {
            return JsonApiError.Of(503, "service_unavailable", "Service temporarily unavailable.", "The API is temporarily unavailable. Try again later.", "API outage")
                .WithHeader("Retry-After", OAuthError.OutageRetryAfterSeconds);
        }

        if (!wellFormed)
        {
            var why = header is null ? "no Authorization header"
                : token is null ? "Authorization header does not start with 'Bearer '"
                : "access token is not of the expected shape";
            return JsonApiError.Of(401, "not_authenticated", JsonApiError.NotAuthenticatedTitle, "Authentication credentials were not provided.", why);
        }

        if (state != AccessTokenState.Active)
        {
            return JsonApiError.Of(401, "authentication_failed", JsonApiError.AuthenticationFailedTitle, "Incorrect authentication credentials.", $"access token {state.ToString().ToLowerInvariant()}");
        }

        if (request.Path is not ("/api/accounts/" or "/api/accounts"))
        {
            return JsonApiError.Of(404, "not_found", "Not found.", $"No resource at {request.Path}.", "unknown API path");
        }

        if (request.Method != "GET")
        {
            return JsonApiError.Of(405, "method_not_allowed", "Method not allowed.", $"Method \"{request.Method}\" not allowed.", $"method {request.Method} not allowed")
                .WithHeader("Allow", "GET");
        }

        var account = emulation.Accounts.FindAccount(accessToken!.AccountId);
        return new EmulatorResponse(
            200,
            JsonApiError.ContentType,
            JsonText.Serialize(new
            {
                data = new[]
                {
                    new
                    {
                        type = "account",
                        id = accessToken.AccountId,
                        attributes = new { test_account = false, allowlisted = account?.Allowlisted ?? false, contact_information = new { organization_name = "Emulated account" } },
                    },
                },
            }),
            "200 accounts listed");
    }
}
