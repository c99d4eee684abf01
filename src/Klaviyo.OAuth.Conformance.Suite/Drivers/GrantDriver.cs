using Klaviyo.OAuth.Conformance.Http;
using Klaviyo.OAuth.Conformance.Suite.Support;
using Klaviyo.OAuth.Conformance.Targets;
using Klaviyo.OAuth.Guide;
using Klaviyo.OAuth.Guide.Protocol;
using Reqnroll.UnitTestProvider;

namespace Klaviyo.OAuth.Conformance.Suite.Drivers;

/// <summary>
/// Gets the app what it needs before the behaviour under test: an approved authorization, tokens.
/// Through the target's consent capability where it has one, else from tokens configured beforehand.
/// A failure here is a failed baseline, reported as such.
/// </summary>
public sealed class GrantDriver(ConformanceRun run, AppUnderTest app, TargetControlDriver control, WebDriver web, SignInDriver signIn, Baselines baselines, IUnitTestRuntimeProvider runtime)
{
    /// <summary>
    /// An owner approves the app's authorization request; the app keeps the code and its verifier.
    /// Through the target's consent capability where it has one, else by a person (<c>run --sign-in</c>).
    /// </summary>
    public async Task<PendingAuthorization> ApproveAsync(string? codeVerifier = null, string? codeChallenge = null)
    {
        if (run.Target.WhyLacking(Capability.Consent) is not null && signIn.Assisted is { } assisted)
        {
            await control.ProvisionAsync();
            return await signIn.ApproveAsync(assisted, codeVerifier, codeChallenge);
        }

        if (!control.HasUser)
        {
            await control.WantSignedInUserAsync(UserRole.Owner);
        }

        // With the app, when the scenario has not needed it before: one request for both.
        await control.ProvisionAsync();

        var approval = await web.ApproveAsync(codeVerifier ?? Pkce.GenerateVerifier(), codeChallenge);
        return app.Authorization ?? throw baselines.Failed("an approved authorization request redirects back to the app with a code", approval);
    }

    /// <summary>Exchanges the approved code with the verifier the step chose (the app's own, or a wrong one on purpose).</summary>
    public Task<HttpExchange> ExchangeAsync(Func<PendingAuthorization, string> verifierOf)
    {
        var pending = app.Authorization ?? throw new InvalidOperationException("No approved authorization: add 'Given an owner has approved the app's authorization request'.");
        return signIn.ExchangeAsync(pending, verifierOf(pending));
    }

    /// <summary>
    /// The app holds tokens granted by an owner: fresh ones where the target signs users in; a throwaway
    /// set of the sign-in for a destructive scenario; else the configured ones.
    /// </summary>
    public async Task<TokenSet> ObtainTokensAsync()
    {
        if (run.Target.WhyLacking(Capability.Consent) is null)
        {
            var authorization = await ApproveAsync();
            var exchange = await signIn.ExchangeAsync(authorization, authorization.CodeVerifier);
            app.Authorization = null;
            return Issued(exchange) ?? throw baselines.Failed("exchanging an authorization code issues tokens", exchange);
        }

        if (signIn.ScenarioIsDestructive && signIn.Assisted is { } assisted)
        {
            // The approval is for the app the scenario asked for.
            await control.ProvisionAsync();
            return await signIn.ThrowawayTokensAsync(assisted, Issued);
        }

        if (run.Target.Preobtained?.RefreshToken is { } refreshToken)
        {
            run.Redactor.Register(refreshToken);
            run.Redactor.Register(run.Target.Preobtained.AccessToken);
            return new TokenSet(run.Target.Preobtained.AccessToken, refreshToken, null);
        }

        runtime.TestIgnore("Not verified: the target can neither sign a user in nor offers a configured refresh token (Conformance:ControlUrl or Conformance:RefreshToken).");
        throw new InvalidOperationException("unreachable");
    }

    /// <summary>The tokens of a successful token response, or null when it is not one; issued tokens are masked in all output.</summary>
    public TokenSet? Issued(HttpExchange exchange)
    {
        var tokens = TokenSet.Issued(exchange);
        run.Redactor.Register(tokens?.RefreshToken);
        run.Redactor.Register(tokens?.AccessToken);
        return tokens;
    }
}
