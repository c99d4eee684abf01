using Klaviyo.OAuth.Guide;
using FluentAssertions;
using Klaviyo.OAuth.Conformance.Suite.Drivers;
using Klaviyo.OAuth.Guide.Conduct;
using Reqnroll;

namespace Klaviyo.OAuth.Conformance.Suite.Steps;

/// <summary>The client-conduct rules as scenarios: an app's traffic, and the verdict a rule gives it.</summary>
[Binding]
public sealed class ConductSteps(ConductDriver conduct)
{
    [Given("the app's traffic:")]
    public void GivenTheAppsTraffic(DataTable requests)
    {
        foreach (var row in requests.Rows)
        {
            conduct.Sent(Cell(row, "at"), row["request"], Cell(row, "authorization"), Cell(row, "content type"), Cell(row, "body"), Cell(row, "answer"));
        }
    }

    [Given("the app's traffic, captured:")]
    public void GivenTheAppsCapturedTraffic(string capture) => conduct.Captured(capture);

    [Then("{word} is satisfied")]
    public void ThenTheRuleIsSatisfied(string rule)
    {
        var result = conduct.Verdict(rule);
        result.Verdict.Should().Be(Verdict.Satisfied, string.Join("; ", result.Evidence.Select(e => $"request {e.Index}: {e.Breach}")));
        result.Exercised.Should().BePositive();
    }

    [Then("{word} is not satisfied by request {int}, diagnosed {word}")]
    public void ThenTheRuleIsNotSatisfied(string rule, int request, string diagnosis) =>
        ThenBroken(rule, Verdict.NotSatisfied, request, diagnosis);

    [Then("{word} is advisory not met by request {int}, diagnosed {word}")]
    public void ThenTheRuleIsAdvisoryNotMet(string rule, int request, string diagnosis) =>
        ThenBroken(rule, Verdict.AdvisoryNotMet, request, diagnosis);

    [Then("{word} is not verified: {string}")]
    public void ThenTheRuleIsNotVerified(string rule, string situation)
    {
        var result = conduct.Verdict(rule);
        result.Verdict.Should().Be(Verdict.NotVerified);
        result.Situation.Should().Contain(situation);
    }

    private void ThenBroken(string rule, Verdict verdict, int request, string diagnosis)
    {
        var result = conduct.Verdict(rule);
        result.Verdict.Should().Be(verdict);
        var evidence = result.Evidence.Should().ContainSingle(e => e.Index == request, $"request {request} breaks {rule}").Subject;
        evidence.Diagnosis.Should().Be(diagnosis);
        result.Evidence.Select(e => e.Index).Should().OnlyContain(i => i >= request, "no earlier request breaks the rule");
    }

    private static string Cell(DataTableRow row, string column) => row.TryGetValue(column, out var value) ? value.Trim() : "";
}
