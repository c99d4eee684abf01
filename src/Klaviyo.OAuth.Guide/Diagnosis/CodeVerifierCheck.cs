using System.Globalization;
using Klaviyo.OAuth.Guide.Protocol;

namespace Klaviyo.OAuth.Guide.Diagnosis;

/// <summary>
/// PKCE at the code exchange: the verifier's shape (the guide's pattern) and, when the server's
/// authorizations are known, whether its S256 hash is the challenge, or a plain one, or another
/// authorization's.
/// </summary>
internal static class CodeVerifierCheck
{
    public static void Run(DiagnosisContext context, string? code, string? verifier)
    {
        if (verifier is null)
        {
            context.Add(FindingIds.VerifierMissing, "The code exchange has no code_verifier; send the verifier whose S256 hash was the code_challenge.");
            return;
        }

        switch (Pkce.FaultOf(verifier))
        {
            case { BadCharacterAt: { } bad }:
                context.Add(FindingIds.VerifierCharacter, string.Create(CultureInfo.InvariantCulture, $"The verifier has {Character(verifier[bad])} at position {bad + 1}; only letters, digits and - . _ ~ are allowed (base64url, not base64)."));
                return;
            case { } fault:
                context.Add(FindingIds.VerifierLength, string.Create(CultureInfo.InvariantCulture, $"The verifier has {fault.Length} characters; the pattern needs {Pkce.MinimumVerifierLength} to {Pkce.MaximumVerifierLength}."));
                return;
        }

        Challenge(context, code, verifier);
    }

    private static void Challenge(DiagnosisContext context, string? code, string verifier)
    {
        var failed = context.Said.Description == "Code challenge failed.";
        if (context.Server is null || context.ClientId is null)
        {
            if (failed)
            {
                context.Add(FindingIds.ChallengeMismatch, "The server says S256 of this verifier is not the code_challenge sent at authorization; without the authorization's challenge, which verifier it was cannot be said.");
            }
            else if (context.Response is null)
            {
                context.CannotKnow("whether S256 of the verifier is the challenge sent at authorization (only the server knows the challenge)");
            }

            return;
        }

        var authorizations = context.Server.Authorizations(context.ClientId).ToList();
        var authorization = authorizations.FirstOrDefault(a => a.Code == code);
        if (authorization is null)
        {
            if (failed)
            {
                context.Add(FindingIds.ChallengeMismatch, "The server says S256 of this verifier is not the code_challenge; the code's authorization is no longer on record.");
            }

            return;
        }

        var hash = Pkce.ChallengeFor(verifier);
        if (string.Equals(hash, authorization.CodeChallenge, StringComparison.Ordinal))
        {
            return;
        }

        if (string.Equals(verifier, authorization.CodeChallenge, StringComparison.Ordinal))
        {
            context.Add(FindingIds.ChallengePlain, "The verifier equals the challenge: plain hashing. Send code_challenge = BASE64URL(SHA256(verifier)) with code_challenge_method=S256.");
        }
        else if (authorizations.FirstOrDefault(a => a != authorization && string.Equals(a.CodeChallenge, hash, StringComparison.Ordinal)) is { } other)
        {
            context.Add(FindingIds.VerifierOfAnotherAuthorization, $"The verifier hashes to the challenge of another authorization of this client (started {SecretText.Date(other.IssuedAt)}); keep each verifier with its own authorization request.");
        }
        else
        {
            context.Add(FindingIds.ChallengeMismatch, $"S256 of the verifier is {SecretText.Describe(hash)}, the challenge sent at authorization ({SecretText.Date(authorization.IssuedAt)}) is {SecretText.Describe(authorization.CodeChallenge)}.");
        }
    }

    private static string Character(char c) => c switch
    {
        ' ' => "a space",
        '+' or '/' or '=' => $"'{c}' (base64, not base64url)",
        _ when char.IsControl(c) => string.Create(CultureInfo.InvariantCulture, $"the control character U+{(int)c:X4}"),
        _ => $"'{c}'",
    };
}
