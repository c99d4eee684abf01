namespace Klaviyo.OAuth.Guide.Catalogue;

// The API host's OAuth endpoints: /oauth/token and /oauth/revoke.
public static partial class BehaviourCatalogue
{
    private const string TokenTable = Guide + "Call to oauth/token endpoint";
    private const string RevokeTable = Guide + "Call to oauth/revoke endpoint";
    private const string RefreshTable = Guide + "Error descriptions for invalid refresh token";
    private const string BasicAuthChecks =
        "You must send client authentication as the basic auth header. Check that: your client id is correct; " +
        "[ID]:[SECRET] is base64 encoded; the prefix is the literal word Basic; you converted the base64 encoded " +
        "credentials back to a string when concatenating with Basic (some languages produce bytes); the header reads " +
        "Authorization: Basic <base64 encoded client_id:client_secret>.";

    private static Behaviour[] TokenEndpoint() =>
    [
        new("token.code-exchange.succeeds", BehaviourGroup.Token, RequirementLevel.Baseline,
            "grant_type=authorization_code with a valid code, code_verifier and redirect_uri, Basic client auth, form body",
            "200 JSON with access_token, token_type Bearer, expires_in, refresh_token and scope",
            "The success path the error cases are measured against. If no token can be obtained, check the client credentials, the redirect_uri registered for the app and the PKCE pair.",
            "RFC 6749 §4.1.3; RFC 7636 §4.5"),
        new("token.refresh.succeeds", BehaviourGroup.Token, RequirementLevel.Baseline,
            "grant_type=refresh_token with a valid refresh token",
            "200 JSON with a new access_token; the refresh token stays usable",
            "A valid refresh token must yield a new access token without being rotated away. Check grant_type=refresh_token, the form encoding and the Basic client auth.",
            "RFC 6749 §6"),
        new("token.invalid-client", BehaviourGroup.Token, RequirementLevel.Documented,
            "Client authentication wrong: no Authorization header, id:secret not base64 encoded, no ':' in the credentials, a prefix other than Basic, a bytes literal (Basic b'…'), an unknown client id, a wrong secret, or credentials in the form body",
            "401 {\"error\":\"invalid_client\"}",
            BasicAuthChecks,
            TokenTable + " (401); Troubleshooting tips: Invalid client"),
        new("token.unsupported-grant-type", BehaviourGroup.Token, RequirementLevel.Documented,
            "grant_type missing or unknown (password, client_credentials, refresh-token), or the body sent as JSON instead of application/x-www-form-urlencoded",
            "400 {\"error\":\"unsupported_grant_type\"}",
            "Missing or incorrect grant_type in the request body. For refresh flow, it should be refresh_token; for authorization code flow, it should be authorization_code. Tip: Ensure the form is x-www-form-urlencoded.",
            TokenTable + " (400 unsupported_grant_type); Troubleshooting tips: Invalid grant type"),
        new("token.refresh.missing-token", BehaviourGroup.Token, RequirementLevel.Documented,
            "A refresh grant without refresh_token",
            "400 {\"error\":\"invalid_request\",\"error_description\":\"Missing \\\"refresh_token\\\" in request.\"}",
            "Missing refresh_token in the request body.",
            TokenTable + " (400 invalid_request)"),
        new("token.refresh.revoked", BehaviourGroup.Token, RequirementLevel.Documented,
            "The refresh token was revoked via /oauth/revoke, or the customer removed the app",
            "400 {\"error\":\"invalid_grant\",\"error_description\":\"Refresh token has been revoked\"}",
            "This is likely the only reason you will be getting an \"invalid_grant\" in production: the app revoked the token, or the customer removed the app's access. Your customer will need to reauthorize the integration.",
            RefreshTable),
        new("token.refresh.not-found", BehaviourGroup.Token, RequirementLevel.Documented,
            "A refresh token that was never issued, is truncated, or has one character changed",
            "400 {\"error\":\"invalid_grant\",\"error_description\":\"Refresh token does not exist\"}",
            "This refresh token does not exist. Check for typos when copying your refresh token. If you are getting this error in production, check that you aren’t truncating your tokens and that you're using the exact same value that was sent to you in the API.",
            RefreshTable),
        new("token.refresh.inactive", BehaviourGroup.Token, RequirementLevel.Documented,
            "A refresh token not used for more than 90 days (on day 89 it still works, and use restarts the 90 days)",
            "400 {\"error\":\"invalid_grant\",\"error_description\":\"Refresh token expired due to inactivity\"}",
            "This is because the refresh token was not used for more than 90 days. This means that the app was inactive for 90 days for this customer, since the refresh token is used frequently to refresh access tokens.",
            RefreshTable),
        new("token.refresh.rate-limited", BehaviourGroup.Token, RequirementLevel.Documented,
            "The 11th use of one refresh token within a minute; other refresh tokens unaffected; usable again after a minute",
            "429 {\"error\":\"rate_limit_exceeded\",\"error_description\":\"Rate limit exceeded for refresh token. Please try again after 1 minute.\"}",
            "Rate limit exceeded for OAuth refresh token. A refresh token can be used 10 times per minute maximum.",
            TokenTable + " (429)"),
        new("token.pkce.challenge-failed", BehaviourGroup.Token, RequirementLevel.Documented,
            "A well-formed code_verifier whose S256 hash is not the code_challenge sent at authorization",
            "400 {\"error\":\"invalid_grant\",\"error_description\":\"Code challenge failed.\"}",
            "When we S256 hash the code_verifier, it does not match the code_challenge that your app initially provided during the authorization request. Tip: Double-check that you're sending the correct code verifier and hashing your code_verifier with S256.",
            TokenTable + " (400 Code challenge failed.); Troubleshooting tips: Code challenge failed"),
        new("token.pkce.invalid-verifier", BehaviourGroup.Token, RequirementLevel.Documented,
            "A code_verifier not matching ^[a-zA-Z0-9\\-._~]{43,128}$: 42 or 129 characters, a +, /, = or space",
            "A 4xx whose body says Invalid \"code_verifier\"",
            "Verify that your code verifier matches the regex pattern of the specification of code verifiers: ^[a-zA-Z0-9\\-._~]{43,128}$.",
            TokenTable + " (4xx); Troubleshooting tips: Invalid code verifier"),
        new("token.unavailable", BehaviourGroup.Token, RequirementLevel.Documented,
            "The OAuth service is down",
            "503",
            ServiceUnavailable,
            TokenTable + " (503)"),
        new("token.wrong-host", BehaviourGroup.Token, RequirementLevel.Documented,
            "POST /oauth/token sent to the web host",
            "403 text/html: a CDN page saying \"The request could not be satisfied\"",
            "Verify that you're making your request to the correct URL: requests directly to klaviyo.com will fail. Send token requests to the API host (https://a.klaviyo.com).",
            Guide + "Troubleshooting tips: 403 HTML on /token or /revoke"),
    ];

    private static Behaviour[] RevokeEndpoint() =>
    [
        new("revoke.succeeds", BehaviourGroup.Revoke, RequirementLevel.Baseline,
            "token=<refresh token> with token_type_hint=refresh_token, Basic client auth, form body",
            "200; afterwards the token refreshes as token.refresh.revoked",
            "Revocation must work before its errors mean anything. Check the form body, the token parameter and the Basic client auth.",
            "RFC 7009 §2.1, §2.2"),
        new("revoke.invalid-client", BehaviourGroup.Revoke, RequirementLevel.Documented,
            "Client authentication wrong (the same variants as on /oauth/token)",
            "400 {\"error\":\"invalid_client\"} (400 here, 401 on /oauth/token)",
            BasicAuthChecks,
            RevokeTable + " (400 invalid_client)"),
        new("revoke.invalid-request", BehaviourGroup.Revoke, RequirementLevel.Documented,
            "Content type not application/x-www-form-urlencoded, or token missing",
            "400 {\"error\":\"invalid_request\"}",
            "Make sure the request content-type is x-www-form-urlencoded. If it is, the token is missing in the request body.",
            RevokeTable + " (400 invalid_request)"),
        new("revoke.unavailable", BehaviourGroup.Revoke, RequirementLevel.Documented,
            "The OAuth service is down",
            "503",
            ServiceUnavailable,
            RevokeTable + " (503)"),
        new("revoke.wrong-host", BehaviourGroup.Revoke, RequirementLevel.Documented,
            "POST /oauth/revoke sent to the web host",
            "403 text/html CDN page",
            "Verify that you're making your request to the correct URL: requests directly to klaviyo.com will fail. Send revoke requests to the API host (https://a.klaviyo.com).",
            Guide + "Troubleshooting tips: 403 HTML on /token or /revoke"),
    ];
}
