using System.Globalization;

namespace Klaviyo.OAuth.Guide.Diagnosis;

/// <summary>
/// An API call's header: exactly <c>Bearer &lt;access token&gt;</c>, then (with the server's
/// records) whether the token exists, has expired or was revoked.
/// </summary>
internal static class ApiCallCheck
{
    private const string Prefix = "Bearer ";

    public static void Run(DiagnosisContext context)
    {
        var headers = context.Exchange.RequestHeaders.GetValues("Authorization");
        if (headers.Count == 0)
        {
            context.Add(FindingIds.BearerFormat, "The API call has no Authorization header; send Authorization: Bearer <access token>.");
            return;
        }

        var header = headers[0];
        if (Format(header) is { } wrong)
        {
            context.Add(FindingIds.BearerFormat, wrong);
            return;
        }

        var token = header[Prefix.Length..];
        if (context.Server is null)
        {
            if (context.Said.Error == "authentication_failed")
            {
                context.Add(FindingIds.AccessTokenUnknown, "The header is well formed and the server answered authentication_failed: the access token does not exist, has expired or was revoked. Get a new one with the refresh token.");
            }
            else if (context.Said.Error == "not_authenticated")
            {
                context.Add(FindingIds.BearerFormat, $"The server answered not_authenticated: the token {SecretText.Describe(token)} is not of the shape it issues (truncated, or characters added).");
            }
            else if (context.Response is null)
            {
                context.CannotKnow("whether the access token exists, has expired or was revoked (only the server knows)");
            }

            return;
        }

        Records(context, context.Server, token);
    }

    private static string? Format(string header)
    {
        if (header.StartsWith(Prefix, StringComparison.Ordinal))
        {
            var token = header[Prefix.Length..];
            return token.Length == 0 ? "The header is Bearer with no token."
                : token[0] is '"' or '\'' || token[^1] is '"' or '\'' ? "The token is in quotes; send it bare: Bearer <token>."
                : token.Any(char.IsWhiteSpace) ? "The token has whitespace in or after it; send exactly Bearer <token>."
                : token[^1] is ',' or ';' ? string.Create(CultureInfo.InvariantCulture, $"The token ends with '{token[^1]}', a character that is not part of it.")
                : null;
        }

        var space = header.IndexOf(' ', StringComparison.Ordinal);
        var scheme = space < 0 ? null : header[..space];
        return scheme is not null && string.Equals(scheme, "Bearer", StringComparison.OrdinalIgnoreCase)
            ? $"The scheme is written \"{SecretText.Visible(scheme)}\"; write it exactly Bearer."
            : scheme is not null && scheme.Length <= 12 && !scheme.Contains('_', StringComparison.Ordinal)
                ? $"The scheme is \"{SecretText.Visible(scheme)}\", not Bearer."
                : $"The header has no Bearer prefix: it is only the token {SecretText.Describe(header)}.";
    }

    private static void Records(DiagnosisContext context, IServerKnowledge server, string token)
    {
        if (server.FindAccessToken(token) is { } issued)
        {
            context.ClientId ??= issued.ClientId;
            var now = server.Now(issued.ClientId);
            if (issued.IsRevoked)
            {
                context.Add(FindingIds.AccessTokenRevoked, $"The access token was {issued.RevokedBecause ?? "revoked"}{(issued.RevokedAt is { } at ? " on " + SecretText.Date(at) : string.Empty)}; get a new one with the refresh token (or, if that was revoked too, the customer must authorize again).");
            }
            else if (issued.ExpiresAt is { } expires && expires <= now)
            {
                context.Add(FindingIds.AccessTokenExpired, $"The access token expired at {SecretText.Date(expires)}; get a new one with the refresh token.");
            }

            return;
        }

        if (server.AccessTokens.FirstOrDefault(t => t.Value.Length > token.Length && t.Value.StartsWith(token, StringComparison.Ordinal)) is { } whole)
        {
            context.ClientId ??= whole.ClientId;
            context.Add(FindingIds.BearerFormat, string.Create(CultureInfo.InvariantCulture, $"The token is truncated: the first {token.Length} characters of one issued on {SecretText.Date(whole.IssuedAt)}, which has {whole.Value.Length}."));
        }
        else if (server.AccessTokens.FirstOrDefault(t => token.Length > t.Value.Length && token.StartsWith(t.Value, StringComparison.Ordinal)) is { } shorter)
        {
            context.ClientId ??= shorter.ClientId;
            context.Add(FindingIds.BearerFormat, string.Create(CultureInfo.InvariantCulture, $"The token has {token.Length - shorter.Value.Length} character(s) after the one issued on {SecretText.Date(shorter.IssuedAt)}."));
        }
        else
        {
            context.Add(FindingIds.AccessTokenUnknown, $"The server never issued the access token {SecretText.Describe(token)}.");
        }
    }
}
