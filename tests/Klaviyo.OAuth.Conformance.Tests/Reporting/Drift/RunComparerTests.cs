using Klaviyo.OAuth.Guide;
using FluentAssertions;
using Klaviyo.OAuth.Conformance.Reporting;
using Klaviyo.OAuth.Conformance.Reporting.Drift;
using Klaviyo.OAuth.Conformance.Reporting.Writers;
using Klaviyo.OAuth.Conformance.Tests.Support;
using Klaviyo.OAuth.Guide.Catalogue;
using NUnit.Framework;

namespace Klaviyo.OAuth.Conformance.Tests.Reporting.Drift;

/// <summary>The comparison of two runs: verdicts both ways, the catalogue, and answers that changed where verdicts did not.</summary>
public class RunComparerTests
{
    private const string Refresh = "token.refresh.succeeds";
    private const string InvalidClient = "token.invalid-client";

    private string folder = null!;

    [SetUp]
    public void NewFolder() => folder = TestData.TempDirectory();

    [TearDown]
    public void RemoveFolder() => Directory.Delete(folder, recursive: true);

    internal static Observation Tokens(params string[] fields) =>
        new("POST /oauth/token", 200, null, fields, "application/json", RetryAfter: false, WwwAuthenticate: false, Observation.JwtShape);

    internal static Observation Refused(int status, string error) =>
        new("POST /oauth/token", status, error, ["error"], "application/json", RetryAfter: false, WwwAuthenticate: true, AccessToken: null);

    /// <summary>Every behaviour in one scenario; <paramref name="outcome"/> decides each one's, <paramref name="answer"/> what the target answered.</summary>
    internal static Messages Run(Func<string, StepResult>? outcome = null, Func<string, Observation[]>? answer = null)
    {
        var messages = new Messages();
        foreach (var behaviour in BehaviourCatalogue.All)
        {
            messages.Scenario($"{behaviour.Id} holds", [behaviour.Level.Tag(), behaviour.Tag], outcome?.Invoke(behaviour.Id) ?? Messages.Passed);
            if (answer is not null)
            {
                messages.Observed(answer(behaviour.Id));
            }
        }

        return messages;
    }

    internal static Observation[] Usual(string id) => id == Refresh
        ? [Tokens("access_token", "expires_in", "refresh_token", "token_type")]
        : [Refused(401, "invalid_client")];

    private ComparedRun Load(Messages messages, string name)
    {
        var directory = Directory.CreateDirectory(Path.Combine(folder, name)).FullName;
        return ComparedRun.Load(messages.WriteTo(directory));
    }

    private RunComparison Compare(Messages old, Messages @new) => RunComparer.Compare(Load(old, "old"), Load(@new, "new"));

    [Test]
    public void Satisfied_to_not_satisfied_is_a_regression()
    {
        var comparison = Compare(Run(answer: Usual), Run(id => id == InvalidClient ? Messages.Failed("Expected 401, got 400") : Messages.Passed, Usual));

        comparison.VerdictChanges.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Id = InvalidClient, Old = Verdict.Satisfied, New = Verdict.NotSatisfied, Move = VerdictMove.Regressed });
        comparison.Regressed.Should().BeTrue();
        comparison.Outcome.Should().StartWith("REGRESSED");
    }

    [Test]
    public void An_advisory_behaviour_no_longer_met_is_a_regression_too()
    {
        var comparison = Compare(Run(), Run(id => id == "rfc6749.no-store" ? Messages.Failed("no Cache-Control") : Messages.Passed));

        comparison.Regressions.Select(r => (r.Id, r.New)).Should().Equal(("rfc6749.no-store", Verdict.AdvisoryNotMet));
    }

    [Test]
    public void Not_satisfied_to_satisfied_is_an_improvement_and_not_a_regression()
    {
        var comparison = Compare(Run(id => id == InvalidClient ? Messages.Failed("Expected 401, got 400") : Messages.Passed), Run());

        comparison.Improvements.Select(c => c.Id).Should().Equal(InvalidClient);
        comparison.Regressed.Should().BeFalse();
    }

    [Test]
    public void A_body_that_gained_a_field_is_reported_where_the_verdict_stayed()
    {
        var comparison = Compare(
            Run(answer: Usual),
            Run(answer: id => id == Refresh ? [Tokens("access_token", "expires_in", "refresh_token", "scope", "token_type")] : Usual(id)));

        comparison.VerdictChanges.Should().BeEmpty();
        comparison.ObservationChanges.Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            Id = Refresh,
            Verdict = Verdict.Satisfied,
            Changes = new[] { new ObservationChange("POST /oauth/token", "body gained field `scope`", [$"{Refresh} holds"]) },
        });
        comparison.Regressed.Should().BeFalse();
        ComparisonMarkdown.Render(comparison).Should().Contain("| `token.refresh.succeeds` | satisfied | `POST /oauth/token` | body gained field `scope` |");
    }

    [Test]
    public void Each_kind_of_answer_change_is_named()
    {
        var before = new Observation("POST /oauth/token", 400, "invalid_grant", ["error", "error_description"], "application/json", false, false, Observation.OpaqueShape);
        var after = new Observation("POST /oauth/token", 401, "invalid_client", ["error"], "text/html", true, true, Observation.JwtShape);

        after.ChangesSince(before).Should().Equal(
            "status 400 → 401", "error `invalid_grant` → `invalid_client`", "body lost field `error_description`",
            "Content-Type `application/json` → `text/html`", "Retry-After appeared", "WWW-Authenticate appeared", "access token opaque → jwt");
        before.ChangesSince(before).Should().BeEmpty();
    }

    [Test]
    public void A_request_added_or_gone_is_named_with_its_answer()
    {
        var comparison = Compare(
            Run(answer: Usual),
            Run(answer: id => id == Refresh ? [.. Usual(id), Tokens("access_token")] : id == InvalidClient ? [] : Usual(id)));

        comparison.ObservationChanges.Select(d => (d.Id, d.Changes.Single().Change)).Should().BeEquivalentTo(
            [(InvalidClient, "request gone (was 401 invalid_client, application/json)"), (Refresh, "request added (200, application/json)")]);
    }

    [Test]
    public void Satisfied_to_not_verified_is_reported_but_is_not_a_regression()
    {
        var comparison = Compare(Run(), Run(id => id == Refresh ? Messages.Skipped("Not verified: needs Conformance:RefreshToken") : Messages.Passed));

        var change = comparison.VerdictChanges.Should().ContainSingle().Subject;
        change.Move.Should().Be(VerdictMove.Changed);
        ComparisonText.Move(change).Should().Be("not verified any more (not a regression)");
        comparison.Regressed.Should().BeFalse();
    }

    [Test]
    public void Runs_that_share_no_verified_behaviour_have_nothing_to_compare()
    {
        var wrongHostOnly = Run(id => id.EndsWith("wrong-host", StringComparison.Ordinal) ? Messages.Passed : Messages.Skipped("Not verified: needs Conformance:ClientId"));
        var allButWrongHost = Run(id => id.EndsWith("wrong-host", StringComparison.Ordinal) ? Messages.Skipped("Not verified: web host down") : Messages.Passed);

        var comparison = Compare(wrongHostOnly, allButWrongHost);

        comparison.NothingShared.Should().BeTrue();
        comparison.Outcome.Should().StartWith("NOTHING TO COMPARE");
        Compare(wrongHostOnly, wrongHostOnly).NothingShared.Should().BeFalse();
    }

    [Test]
    public void Files_without_observations_compare_verdicts_only_and_say_so()
    {
        var comparison = Compare(Run(), Run(answer: id => id == Refresh ? [Tokens("scope")] : Usual(id)));

        comparison.ObservationsCompared.Should().BeFalse();
        comparison.ObservationChanges.Should().BeEmpty();
        comparison.VerdictsOnlyNote.Should().Contain("has no observations").And.Contain("verdicts compared only");
        ComparisonMarkdown.Render(comparison).Should().Contain("verdicts compared only");
    }

    [Test]
    public void A_file_without_observations_is_said_to_be_old_only_when_its_schema_is()
    {
        var comparison = Compare(Run(), Run(answer: Usual));

        comparison.VerdictsOnlyNote.Should().Contain("its run recorded no answer from the target").And.NotContain("before schema version 2");
        (comparison with { Old = comparison.Old with { SchemaVersion = 1 } }).VerdictsOnlyNote.Should().Contain("it was written before schema version 2");
    }

    [Test]
    public void A_behaviour_in_one_catalogue_only_is_added_or_gone()
    {
        var renamed = new Messages();
        foreach (var behaviour in BehaviourCatalogue.All)
        {
            renamed.Scenario($"{behaviour.Id} holds", [behaviour.Level.Tag(), behaviour.Tag], Messages.Passed);
        }

        var old = Load(renamed, "old");
        var document = old.Document with
        {
            Groups = [.. old.Document.Groups.Select(g => g with { Behaviours = [.. g.Behaviours.Select(b => b.Id == Refresh ? b with { Id = "token.refresh.retired" } : b)] })],
        };

        var comparison = RunComparer.Compare(old with { Document = document }, Load(Run(), "new"));

        comparison.Added.Select(a => a.Id).Should().Equal(Refresh);
        comparison.Gone.Select(g => g.Id).Should().Equal("token.refresh.retired");
    }

    [Test]
    public void A_known_deviation_that_expired_since_the_old_run_fails_the_comparison()
    {
        var old = Load(Run(), "old");
        var @new = Load(Run(), "new");
        static ConformanceDocument Listing(ConformanceDocument d, bool expired) => d with
        {
            Groups = [.. d.Groups.Select(g => g with { Behaviours = [.. g.Behaviours.Select(b => b.Id == InvalidClient ? b with { Deviation = new("gateway bug 12", new DateOnly(2026, 1, 31), expired) } : b)] })],
        };

        var comparison = RunComparer.Compare(old with { Document = Listing(old.Document, false) }, @new with { Document = Listing(@new.Document, true) });

        comparison.ExpiredDeviations.Should().ContainSingle().Which.Id.Should().Be(InvalidClient);
        comparison.Regressed.Should().BeTrue();
        ComparisonText.Expired(comparison.ExpiredDeviations[0]).Should().Be("token.invalid-client: the known deviation (gateway bug 12) expired after 2026-01-31");
    }
}
