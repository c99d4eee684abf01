using System.Text.Json;
using FluentAssertions;
using Klaviyo.OAuth.Emulator;
using Klaviyo.OAuth.Guide;
using Klaviyo.OAuth.Guide.Conduct;
using Klaviyo.OAuth.Guide.Diagnosis;
using Klaviyo.OAuth.Guide.Protocol;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;

namespace Klaviyo.OAuth.Conformance.Tests.Conduct.ReferenceApps;

/// <summary>
/// One verifier rule, one answer: a verifier followed by a newline (which a .NET pattern ending
/// in <c>$</c> would accept) is refused by the emulator, by <c>diagnose</c>, by <c>grade</c> and
/// by the rule the suite's drivers make their verifiers by.
/// </summary>
public class VerifierAgreementTests
{
    [Test]
    public async Task A_verifier_with_a_trailing_newline_is_refused_by_the_emulator_diagnose_grade_and_the_suite()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 29, 9, 0, 0, TimeSpan.Zero));
        using var emulator = KlaviyoEmulator.Start(new EmulatorOptions { ApiUrl = "http://127.0.0.1:0", WebUrl = "http://127.0.0.1:0" }, time);
        var owner = emulator.SignIn(emulator.CreateUser(emulator.CreateAccount(allowlisted: true), UserRole.Owner));
        using var app = new TrailingNewlineVerifierApp(emulator, time, emulator.RegisterClient());

        (await app.Connect($"{owner.CookieName}={owner.CookieValue}")).Should().BeFalse("the emulator refuses the code exchange");

        var exchange = app.Traffic[^1];
        exchange.RequestBodyText.Should().Contain("code_verifier=").And.Contain("%0A");
        exchange.Response!.Status.Should().Be(400);
        using (var body = JsonDocument.Parse(exchange.Response.BodyText))
        {
            body.RootElement.GetProperty("error_description").GetString().Should().Be("Invalid \"code_verifier\"", "the emulator gives the guide's invalid-verifier answer");
        }

        var diagnosis = new Diagnostician().Diagnose(exchange);
        diagnosis.Findings.Should().Contain(f => f.Id == "finding-verifier-character" && f.TipId == "tip.code-verifier-pattern", "diagnose");

        var graded = ConductRules.Grade(new AppTraffic(app.Traffic, [emulator.WebBaseUrl.Authority])).Single(r => r.Rule.Id == "client.pkce-s256");
        graded.Verdict.Should().Be(Verdict.NotSatisfied, "grade");
        graded.Evidence.Should().Contain(e => e.Diagnosis == "tip.code-verifier-pattern");

        var verifier = Pkce.GenerateVerifier(43);
        Pkce.IsWellFormedVerifier(verifier).Should().BeTrue("the suite's drivers make their verifiers by this rule");
        Pkce.IsWellFormedVerifier(verifier + "\n").Should().BeFalse("and by it a trailing newline is refused");
    }

    private sealed class TrailingNewlineVerifierApp(KlaviyoEmulator emulator, FakeTimeProvider time, EmulatedClient client) : ReferenceApp(emulator, time, client)
    {
        protected override string VerifierSent(string verifier) => verifier + "\n";
    }
}
