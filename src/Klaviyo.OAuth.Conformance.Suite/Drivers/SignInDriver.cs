using System.Text.Json;
using Klaviyo.OAuth.Conformance.Http;
using Klaviyo.OAuth.Conformance.SignIn;
using Klaviyo.OAuth.Conformance.Suite.Support;
using Klaviyo.OAuth.Conformance.Targets;
using Reqnroll;
using Reqnroll.UnitTestProvider;

namespace Klaviyo.OAuth.Conformance.Suite.Drivers;

/// <summary>
/// The scenario's side of the assisted sign-in (<c>run --sign-in</c>): asks the person for an approval
/// saying what it is for, exchanges the code and keeps the books — a code refused without being spent
/// goes back for the next scenario, every token set issued is the run's to revoke, and a destructive
/// scenario gets a throwaway set, never the configured tokens.
/// </summary>
public sealed class SignInDriver(ConformanceRun run, AppUnderTest app, ScenarioContext scenario, TokenEndpointDriver tokens, ApiDriver api, IUnitTestRuntimeProvider runtime)
{
    /// <summary>The sign-in of this run, or null when the person cannot be asked (no --sign-in, dotnet test, or a target that signs users in itself).</summary>
    public AssistedSignIn? Assisted => (run.Target as ConfiguredRemoteTarget)?.SignIn;

    /// <summary>Whether the scenario revokes or exhausts the tokens it holds (@destructive).</summary>
    public bool ScenarioIsDestructive => scenario.ScenarioInfo.CombinedTags.Contains(CapabilityTags.TagOf(Capability.Destructive), StringComparer.OrdinalIgnoreCase);

    /// <summary>An approval by the person (or a code one left unspent); the app keeps the code and its verifier.</summary>
    public async Task<PendingAuthorization> ApproveAsync(AssistedSignIn signIn, string? codeVerifier, string? codeChallenge, string? purpose = null)
    {
        ApprovedCode approved;
        try
        {
            approved = await signIn.ApproveAsync(run.Target.WebBaseUrl, Registration, purpose ?? scenario.ScenarioInfo.Title, codeVerifier, codeChallenge);
        }
        catch (SignInException notApproved)
        {
            // No approval says nothing about the target: not verified, never failed.
            runtime.TestIgnore("Not verified: the sign-in gave no code. " + run.Redactor.Redact(notApproved.Message));
            throw;
        }

        app.Authorization = new PendingAuthorization(approved.Code, approved.CodeVerifier, approved.CodeChallenge, approved.State) { SignIn = approved };
        return app.Authorization;
    }

    /// <summary>
    /// Exchanges the approved code with <paramref name="codeVerifier"/>. A success is a token set of
    /// the run; a refusal gives the code back unless the target spent it — then (a reused code) the
    /// person approves once more and the exchange is made again.
    /// </summary>
    public async Task<HttpExchange> ExchangeAsync(PendingAuthorization pending, string codeVerifier)
    {
        var exchange = await tokens.ExchangeCodeAsync(pending.Code, codeVerifier);
        if (pending.SignIn is not { } approved || Assisted is not { } signIn)
        {
            return exchange;
        }

        if (exchange.Status == 200)
        {
            app.Authorization = null;
            if (exchange.JsonString("refresh_token") is { } refreshToken)
            {
                // Its own scenario only reads the answer: the set may serve a destructive scenario later.
                signIn.Throwaway.Issued(new SignedInTokens(exchange.JsonString("access_token"), refreshToken), unused: !ScenarioIsDestructive);
            }

            return exchange;
        }

        if (approved.Reused && SpentCode(exchange))
        {
            signIn.TargetSpendsRefusedCodes();
            var fresh = await ApproveAsync(signIn, pending.CodeVerifier, pending.CodeChallenge);
            return await ExchangeAsync(fresh, codeVerifier == pending.CodeChallenge ? fresh.CodeChallenge : codeVerifier);
        }

        signIn.GiveBack(approved);
        return exchange;
    }

    /// <summary>
    /// A token set for a destructive scenario: one the sign-in issued and nobody used yet, else a new
    /// approval. Held back (not verified) when it belongs to the configured tokens' account and
    /// AllowDestructive is not set: revoking it could disconnect the user's app.
    /// </summary>
    public async Task<TokenSet> ThrowawayTokensAsync(AssistedSignIn signIn, Func<HttpExchange, TokenSet?> issued)
    {
        SignedInTokens tokensOfTheRun;
        if (signIn.Throwaway.TakeUnused() is { } unused)
        {
            tokensOfTheRun = unused;
        }
        else
        {
            var pending = await ApproveAsync(signIn, null, null, "throwaway tokens for: " + scenario.ScenarioInfo.Title);
            var exchange = await ExchangeAsync(pending, pending.CodeVerifier);
            var set = issued(exchange) ?? throw new Baselines(run).Failed("exchanging the sign-in's authorization code issues tokens", exchange);
            tokensOfTheRun = new SignedInTokens(set.AccessToken, set.RefreshToken);
        }

        run.Redactor.Register(tokensOfTheRun.RefreshToken);
        run.Redactor.Register(tokensOfTheRun.AccessToken);
        if (await SameAccountAsConfiguredAsync(signIn, tokensOfTheRun) && !run.AllowDestructive)
        {
            runtime.TestIgnore(SameAccountReason);
        }

        return new TokenSet(tokensOfTheRun.AccessToken, tokensOfTheRun.RefreshToken, null);
    }

    public const string SameAccountReason =
        "Not verified: the sign-in's tokens belong to the account of the configured tokens, so revoking them could disconnect your app; sign in with a separate test account (or set Conformance:AllowDestructive=true).";

    /// <summary>Compares the accounts once per run: GET /api/accounts/ with the configured access token and with the sign-in's.</summary>
    private async Task<bool> SameAccountAsConfiguredAsync(AssistedSignIn signIn, SignedInTokens signedIn)
    {
        if (signIn.Throwaway.SameAccountAsConfigured is { } known)
        {
            return known;
        }

        var configured = run.Target.Preobtained?.AccessToken;
        var same = configured is not null && signedIn.AccessToken is not null
            && await AccountOfAsync(configured) is { } theirs && theirs == await AccountOfAsync(signedIn.AccessToken);
        if (same)
        {
            signIn.Console.ShowLine("The sign-in's account is the configured tokens' account: destructive checks on its tokens are held back. Sign in with a separate test account.");
        }

        signIn.Throwaway.SameAccountAsConfigured = same;
        return same;
    }

    private async Task<string?> AccountOfAsync(string accessToken)
    {
        var answer = await api.CallWithTokenAsync(accessToken);
        return answer.Status == 200 && answer.Json is { ValueKind: JsonValueKind.Object } json
            && json.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Array && data.GetArrayLength() > 0
            && data[0].TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
                ? id.GetString()
                : null;
    }

    // A reused code refused as invalid (not for its verifier or challenge): the target spent it on the refused exchange before.
    private static bool SpentCode(HttpExchange exchange) =>
        exchange.Status == 400 && exchange.JsonString("error") == "invalid_grant"
        && !(exchange.JsonString("error_description") ?? string.Empty).Contains("challenge", StringComparison.OrdinalIgnoreCase);

    private AppRegistration Registration =>
        app.Registration ?? throw new InvalidOperationException("The scenario has no app yet: start it with 'Given an app registered with the target'.");
}
