namespace Klaviyo.OAuth.Guide.Catalogue;

// The web host's pages, the REST API, and the RFC requirements beyond the guide.
public static partial class BehaviourCatalogue
{
    private const string ApiTable = Guide + "General API call errors";

    private static Behaviour[] Authorization() =>
    [
        new("authorize.succeeds", BehaviourGroup.Authorize, RequirementLevel.Baseline,
            "A signed-in owner, admin or manager approves",
            "Redirect to redirect_uri with code and the same state",
            "Owners, admins and managers can grant authorization. If the redirect does not come, check the redirect_uri registered for the app, the state and the code_challenge sent.",
            "RFC 6749 §4.1.2"),
        new("authorize.role-denied", BehaviourGroup.Authorize, RequirementLevel.Documented,
            "Any other role (analyst, campaign coordinator, content creator, support, custom) tries to grant",
            "403, no consent form and no code. What the user sees (the browser's own page for the empty 403): \"Access to www.klaviyo.com was denied. You don't have authorization to view this page.\"",
            "Make sure you are logging into an account as the owner, admin, or manager role. Only these roles can grant authorization to an app.",
            Guide + "User granting authorization (403)"),
        new("authorize.unavailable", BehaviourGroup.Authorize, RequirementLevel.Documented,
            "The OAuth service is down",
            "503",
            ServiceUnavailable,
            Guide + "User granting authorization (503)"),
    ];

    private static Behaviour[] ClientPage() =>
    [
        new("client-page.visible", BehaviourGroup.ClientPage, RequirementLevel.Baseline,
            "The owner, admin or manager of a beta-allowlisted account opens the page",
            "200",
            "Only the owner, admin, or manager of beta allowlisted accounts can view this page; they must be able to.",
            Guide + "Accessing OAuth client page"),
        new("client-page.not-found", BehaviourGroup.ClientPage, RequirementLevel.Documented,
            "The account is not allowlisted, or the user has another role",
            "404, not the client page. What the user sees (the browser's own page for the empty 404): \"This www.klaviyo.com page can’t be found.\"",
            "No webpage was found for the web address: https://www.klaviyo.com/oauth/client. Your current account doesn't have permission to view this page. Only the owner, admin, or manager of beta allowlisted accounts can view this page. Make sure you are in the correct account.",
            Guide + "Accessing OAuth client page (404)"),
    ];

    private static Behaviour[] ApiCalls() =>
    [
        new("api.succeeds", BehaviourGroup.Api, RequirementLevel.Baseline,
            "Authorization: Bearer with a valid access token",
            "200",
            "A valid access token must be accepted. Check the Bearer prefix and that the token is sent exactly as issued.",
            "RFC 6750 §2.1"),
        new("api.not-authenticated", BehaviourGroup.Api, RequirementLevel.Documented,
            "The header is formatted wrongly: no header, no Bearer prefix, missing or extra characters in the token (quotes, a trailing character, a truncated token)",
            "401, errors[0].code not_authenticated, title \"Authentication credentials were not provided.\"",
            "The authorization header for OAuth is formatted incorrectly. It is most likely due to missing or extra characters in the access token, missing Bearer prefix, and other format-related issues with the authorization header.",
            ApiTable + " (401 not_authenticated)"),
        new("api.authentication-failed", BehaviourGroup.Api, RequirementLevel.Documented,
            "A well-formed access token that does not exist, has expired, or was revoked",
            "401, errors[0].code authentication_failed, title \"Incorrect authentication credentials.\"",
            "Access token is invalid. It either doesn't exist, is expired, or was revoked. Please obtain a new valid access token using the refresh token.",
            ApiTable + " (401 authentication_failed)"),
        new("api.unavailable", BehaviourGroup.Api, RequirementLevel.Documented,
            "The OAuth service is down",
            "503",
            ServiceUnavailable,
            ApiTable + " (503)"),
    ];

    private static Behaviour[] BeyondTheGuide() =>
    [
        new("rfc6749.no-store", BehaviourGroup.BeyondTheGuide, RequirementLevel.RfcMust,
            "Token responses, success and error",
            "Cache-Control: no-store and Pragma: no-cache",
            "Tokens must never be cached by intermediaries: add both headers to every /oauth/token response.",
            "RFC 6749 §5.1, §5.2"),
        new("rfc6749.json-errors", BehaviourGroup.BeyondTheGuide, RequirementLevel.RfcMust,
            "Error responses of /oauth/token",
            "Content-Type application/json",
            "Clients parse token errors as JSON: answer them with an application/json body.",
            "RFC 6749 §5.2"),
        new("rfc6749.www-authenticate", BehaviourGroup.BeyondTheGuide, RequirementLevel.RfcMust,
            "A 401 invalid_client after Basic client auth",
            "WWW-Authenticate: Basic …",
            "When client authentication used the Authorization header, the 401 must name the scheme in WWW-Authenticate.",
            "RFC 6749 §5.2"),
        new("rfc7636.s256-vector", BehaviourGroup.BeyondTheGuide, RequirementLevel.RfcMust,
            "The RFC 7636 Appendix B pair: verifier dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk, challenge E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
            "The code exchange succeeds end to end",
            "S256 is BASE64URL(SHA256(ASCII(code_verifier))) without padding; compare it with the stored challenge byte for byte.",
            "RFC 7636 §4.2, Appendix B"),
        new("rfc6585.retry-after", BehaviourGroup.BeyondTheGuide, RequirementLevel.RfcShould,
            "A 429 response",
            "A Retry-After header",
            "Tell clients when to retry: SDKs back off by Retry-After.",
            "RFC 6585 §4"),
        new("rfc7009.unknown-token", BehaviourGroup.BeyondTheGuide, RequirementLevel.RfcShould,
            "Revoking a token that does not exist",
            "200",
            "An invalid token is not an error of revocation: answer 200 so clients need not handle it.",
            "RFC 7009 §2.2"),
    ];
}
