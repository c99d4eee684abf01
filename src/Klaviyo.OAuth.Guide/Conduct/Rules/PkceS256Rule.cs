using Klaviyo.OAuth.Guide.Catalogue;
using Klaviyo.OAuth.Guide.Protocol;

namespace Klaviyo.OAuth.Guide.Conduct.Rules;

/// <summary>
/// client.pkce-s256: authorization requests ask for S256, and each code exchange sends a verifier
/// of the guide's pattern whose S256 hash is a challenge the app sent (when the record has the
/// authorization requests; a HAR of the back end alone may not).
/// </summary>
public sealed class PkceS256Rule() : ConductRule(new(
        "client.pkce-s256", RequirementLevel.Documented,
        "Asks for authorization with code_challenge_method=S256 and exchanges codes with a verifier that matches the pattern and hashes to the challenge.",
        ClientRule.Guide + "Invalid code verifier; Code challenge failed.",
        ["token.pkce.invalid-verifier", "token.pkce.challenge-failed"]))
{
    public override string Situation => "An authorization and its code exchange exercise it: sign in through the control API (POST /__control/sessions), open GET /oauth/authorize, exchange the code.";

    protected override IEnumerable<AppRequest> Exercising(AppTraffic traffic) =>
        traffic.Requests.Where(r => r.Kind == RequestKind.Authorize || r.IsCodeExchange);

    protected override IEnumerable<ConductEvidence> Breaches(AppTraffic traffic, IReadOnlyList<AppRequest> exercised)
    {
        var challenges = new HashSet<string>(StringComparer.Ordinal);
        foreach (var request in exercised)
        {
            if (request.Kind == RequestKind.Authorize)
            {
                var method = request.Parameter("code_challenge_method");
                if (request.Parameter("code_challenge") is { } challenge)
                {
                    challenges.Add(challenge);
                }

                if (method != Pkce.S256)
                {
                    yield return traffic.Evidence(request, method is null ? "no code_challenge_method (plain by default)" : $"code_challenge_method={method}", "tip.code-challenge-s256");
                }

                continue;
            }

            var verifier = request.Parameter("code_verifier");
            if (verifier is null || !Pkce.IsWellFormedVerifier(verifier))
            {
                yield return traffic.Evidence(request, verifier is null ? "no code_verifier" : $"the code_verifier ({verifier.Length} characters) does not match the pattern", "tip.code-verifier-pattern");
            }
            else if (challenges.Contains(verifier))
            {
                yield return traffic.Evidence(request, "the code_verifier equals the challenge: plain, not S256", "tip.code-challenge-s256");
            }
            else if (challenges.Count > 0 && !challenges.Contains(Pkce.ChallengeFor(verifier)))
            {
                yield return traffic.Evidence(request, "the code_verifier's S256 hash is none of the challenges the app sent", "tip.code-challenge-s256");
            }
        }
    }
}
