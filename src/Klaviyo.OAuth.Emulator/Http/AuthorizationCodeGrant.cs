using Klaviyo.OAuth.Emulator.Model;

namespace Klaviyo.OAuth.Emulator.Http;

/// <summary>grant_type=authorization_code with PKCE (S256).</summary>
internal sealed class AuthorizationCodeGrant(Emulation emulation)
{
    public const string InvalidVerifier = "Invalid \"code_verifier\"";
    public const string InvalidCode = "Authorization code is invalid or expired";
    public const string ChallengeFailed = "Code challenge failed.";

    public EmulatorResponse Exchange(Client client, FormFields form)
    {
        var code = form["code"];
        if (string.IsNullOrEmpty(code))
        {
            return OAuthError.Of(400, "invalid_request", "Missing \"code\" in request.", "code missing");
        }

        var verifier = form["code_verifier"];
        if (!Pkce.IsWellFormedVerifier(verifier))
        {
            return InvalidVerifierAnswer(verifier is null ? "code_verifier missing" : "code_verifier does not match the RFC 7636 pattern");
        }

        var exchange = emulation.Tokens.ExchangeCode(client.Id, code, form["redirect_uri"], verifier!);
        return exchange.Redemption switch
        {
            CodeRedemption.Redeemed => TokenResponse.Of(exchange.AccessToken!, exchange.RefreshToken!.Value, emulation.Options.AccessTokenLifetime, "code exchanged"),
            CodeRedemption.ChallengeFailed => ChallengeFailedAnswer("S256(code_verifier) does not match code_challenge"),
            _ => OAuthError.Of(400, "invalid_grant", InvalidCode, "code unknown, used, expired, of another client, or redirect_uri differs"),
        };
    }

    public static EmulatorResponse InvalidVerifierAnswer(string outcome) => OAuthError.Of(400, "invalid_request", InvalidVerifier, outcome);

    public static EmulatorResponse ChallengeFailedAnswer(string outcome) => OAuthError.Of(400, "invalid_grant", ChallengeFailed, outcome);
}
