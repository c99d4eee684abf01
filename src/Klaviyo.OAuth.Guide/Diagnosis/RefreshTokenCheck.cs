using System.Globalization;

namespace Klaviyo.OAuth.Guide.Diagnosis;

/// <summary>
/// A refresh grant's token: missing, padded, and with the server's records unknown, truncated,
/// one character off, revoked (and why), inactive (since when) or rate-limited (until when).
/// Without the records, the server's own answer is used when the capture has it.
/// </summary>
internal static class RefreshTokenCheck
{
    private static readonly char[] Padding = [' ', '\t', '\r', '\n', '"', '\''];

    public static void Run(DiagnosisContext context, string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            context.Add(FindingIds.RefreshTokenMissing, token is null ? "The body has no refresh_token." : "refresh_token is empty.");
            return;
        }

        var trimmed = token.Trim(Padding);
        if (trimmed.Length != token.Length && trimmed.Length > 0)
        {
            context.Add(FindingIds.RefreshTokenPadded, $"The refresh token {SecretText.Describe(trimmed)} is sent with {Padded(token, trimmed)} around it; send the exact value, nothing added.");
            return;
        }

        if (context.Response is { Status: 429 })
        {
            var wait = context.Response.Headers.First("Retry-After");
            context.Add(FindingIds.RefreshRateLimited, $"This refresh token was used more than 10 times within a minute; {(wait is null ? "wait a minute" : $"it may be used again in {wait} s")}. Reuse the access token until it expires instead of refreshing on every call.");
            return;
        }

        if (context.Server is null)
        {
            FromResponse(context);
            return;
        }

        FromRecords(context, context.Server, token);
    }

    private static void FromResponse(DiagnosisContext context)
    {
        if (context.Said.Error != "invalid_grant")
        {
            if (context.Response is null)
            {
                context.CannotKnow("whether the refresh token exists, was revoked or was unused for 90 days (only the server knows)");
            }

            return;
        }

        var behaviour = context.Said.Description switch
        {
            "Refresh token does not exist" => "token.refresh.not-found",
            "Refresh token expired due to inactivity" => "token.refresh.inactive",
            _ => "token.refresh.revoked",
        };
        context.Add(FindingIds.RefreshTokenRefused, $"The request is well formed and the server answered invalid_grant (\"{context.Said.Description}\"): the refresh token is {Why(behaviour)}. The customer must authorize the app again.", behaviour);
        context.CannotKnow("which issued token this one was meant to be (only the server's records say whether it is truncated or altered)");
    }

    private static string Why(string behaviour) => behaviour switch
    {
        "token.refresh.not-found" => "not one the server issued (mistyped, truncated or altered)",
        "token.refresh.inactive" => "expired: unused for more than 90 days",
        _ => "revoked or expired",
    };

    private static void FromRecords(DiagnosisContext context, IServerKnowledge server, string token)
    {
        var tokens = server.RefreshTokens.ToList();
        var issued = tokens.FirstOrDefault(t => t.Value == token);
        if (issued is not null && issued.ClientId == context.ClientId)
        {
            var now = server.Now(issued.ClientId);
            if (issued.IsRevoked)
            {
                var when = issued.RevokedAt is { } at ? " on " + SecretText.Date(at) : string.Empty;
                context.Add(FindingIds.RefreshTokenRevoked, $"The refresh token was {issued.RevokedBecause ?? "revoked"}{when}; the customer must authorize the app again.");
            }
            else if (issued.LastUsedAt is { } last && now - last > server.RefreshTokenInactivityLimit)
            {
                context.Add(FindingIds.RefreshTokenInactive, string.Create(CultureInfo.InvariantCulture, $"The refresh token was last used on {SecretText.Date(last)}, {(int)(now - last).TotalDays} days ago; after {(int)server.RefreshTokenInactivityLimit.TotalDays} days unused it expires."));
            }
            else if (issued.UsableAgainAt is { } again && again > now)
            {
                context.Add(FindingIds.RefreshRateLimited, $"This refresh token was used 10 times within a minute; it may be used again at {SecretText.Date(again)}.");
            }

            return;
        }

        if (issued is not null)
        {
            context.Add(FindingIds.RefreshTokenUnknown, $"The refresh token was issued to another client ({issued.ClientId}), not to {context.ClientId ?? "this one"}; use each client's own tokens.");
            return;
        }

        var own = tokens.Where(t => t.ClientId == context.ClientId).Concat(tokens.Where(t => t.ClientId != context.ClientId));
        if (own.FirstOrDefault(t => t.Value.Length > token.Length && t.Value.StartsWith(token, StringComparison.Ordinal)) is { } whole)
        {
            context.Add(FindingIds.RefreshTokenTruncated, string.Create(CultureInfo.InvariantCulture, $"The refresh token is the first {token.Length} characters of one issued on {SecretText.Date(whole.IssuedAt)}, which has {whole.Value.Length}; store and send the whole value."));
        }
        else if (own.FirstOrDefault(t => t.Value.Length == token.Length && Differences(t.Value, token) == 1) is { } near)
        {
            var at = Enumerable.Range(0, token.Length).First(i => token[i] != near.Value[i]) + 1;
            context.Add(FindingIds.RefreshTokenOneCharacter, string.Create(CultureInfo.InvariantCulture, $"The refresh token differs in one character (position {at}) from one issued on {SecretText.Date(near.IssuedAt)}; check for typos when copying it."));
        }
        else
        {
            context.Add(FindingIds.RefreshTokenUnknown, $"The server never issued the refresh token {SecretText.Describe(token)}.");
        }
    }

    private static int Differences(string a, string b)
    {
        var count = 0;
        for (var i = 0; i < a.Length && count < 2; i++)
        {
            count += a[i] == b[i] ? 0 : 1;
        }

        return count;
    }

    private static string Padded(string token, string trimmed)
    {
        var added = token.Replace(trimmed, string.Empty, StringComparison.Ordinal);
        return added.Any(c => c is '"' or '\'') ? "quotes" : "whitespace";
    }
}
