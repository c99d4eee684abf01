using Klaviyo.OAuth.Guide;

namespace Klaviyo.OAuth.Conformance.Reporting.Messages;

/// <summary>
/// Reads each scenario as the run left it: its outcome from its steps' statuses by the one rule,
/// <see cref="StepStatus.Outcome"/>, with the failed step's evidence or the skip's reason. A retried
/// scenario counts by its last attempt; one that started and never finished failed (the run was cut short).
/// </summary>
internal sealed class ScenarioResultReader(Evidence evidence)
{
    // Step messages are usually short; a skip reason needs no more than a few lines.
    private const int MaxReasonLength = 500;

    public List<ScenarioResult> Read(CucumberRun run)
    {
        var lastAttempts = run.Attempts.Values
            .GroupBy(a => a.TestCaseId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.MaxBy(a => a.Attempt)!, StringComparer.Ordinal);
        var testCaseByPickle = run.TestCases.Values
            .GroupBy(t => t.PickleId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

        var results = new List<ScenarioResult>(run.Pickles.Count);
        foreach (var pickle in run.Pickles)
        {
            TestCaseAttempt? attempt = null;
            var testCase = testCaseByPickle.GetValueOrDefault(pickle.Id);
            if (testCase is not null)
            {
                attempt = lastAttempts.GetValueOrDefault(testCase.Id);
            }

            results.Add(Decide(pickle, testCase, attempt));
        }

        return results;
    }

    private ScenarioResult Decide(Pickle pickle, TestCase? testCase, TestCaseAttempt? attempt)
    {
        var scenario = new ScenarioResult(pickle.Name, pickle.Uri, pickle.Tags, ScenarioOutcome.Skipped, TimeSpan.Zero);
        if (testCase is null || attempt is null)
        {
            return scenario with { Reason = ScenarioResult.DidNotRunReason };
        }

        var duration = attempt.Results.Aggregate(TimeSpan.Zero, (sum, r) => sum + r.Duration);
        scenario = scenario with { Duration = duration, Observations = attempt.Observations };

        switch (StepStatus.Outcome(attempt.Results.Select(r => r.Status)))
        {
            case ScenarioOutcome.Failed:
                var failed = attempt.Results.First(r => StepStatus.FailsScenario(r.Status));
                return scenario with
                {
                    Outcome = ScenarioOutcome.Failed,
                    FailedStep = evidence.Prepare(StepText(pickle, testCase, failed.TestStepId), MaxReasonLength),
                    Evidence = evidence.Prepare(failed.Message) ?? DefaultFailureMessage(failed.Status),
                };
            case ScenarioOutcome.Skipped:
                var notPassed = attempt.Results.Where(r => r.Status != StepStatus.Passed).ToList();
                var reason = notPassed.Select(r => r.Message).FirstOrDefault(m => !string.IsNullOrWhiteSpace(m));
                return scenario with
                {
                    Reason = evidence.Prepare(reason, MaxReasonLength) ?? $"A step was {notPassed[0].Status.ToLowerInvariant()}, without a message.",
                };
        }

        if (!attempt.Finished)
        {
            return scenario with
            {
                Outcome = ScenarioOutcome.Failed,
                Evidence = "The scenario started but never finished: the run was interrupted.",
            };
        }

        return scenario with { Outcome = ScenarioOutcome.Passed };
    }

    private static string StepText(Pickle pickle, TestCase testCase, string testStepId)
    {
        if (!testCase.Steps.TryGetValue(testStepId, out var step) || step.PickleStepId is null)
        {
            return "(a hook)";
        }

        return pickle.StepTexts.GetValueOrDefault(step.PickleStepId) ?? "(unknown step)";
    }

    private static string DefaultFailureMessage(string status) => status switch
    {
        StepStatus.Undefined => "The step is undefined: no step binding matches it.",
        StepStatus.Ambiguous => "The step is ambiguous: more than one step binding matches it.",
        _ => "The step failed without a message.",
    };
}
