namespace Klaviyo.OAuth.Conformance.Reporting.Messages;

/// <summary>The parts of a Cucumber messages stream the report needs, indexed by id.</summary>
internal sealed class CucumberRun
{
    public List<Pickle> Pickles { get; } = [];

    public Dictionary<string, TestCase> TestCases { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, TestCaseAttempt> Attempts { get; } = new(StringComparer.Ordinal);

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>"Reqnroll 3.3.4", from the meta envelope.</summary>
    public string? Tool { get; set; }

    /// <summary>Lines that were not a JSON object; skipped.</summary>
    public int MalformedLines { get; set; }
}

internal sealed record Pickle(string Id, string Name, string Uri, IReadOnlyList<string> Tags, IReadOnlyDictionary<string, string> StepTexts);

internal sealed record TestCase(string Id, string PickleId, IReadOnlyDictionary<string, TestStep> Steps);

/// <summary>A step of a test case: a pickle step, or a hook when <see cref="PickleStepId"/> is null.</summary>
internal sealed record TestStep(string Id, string? PickleStepId);

internal sealed record StepResult(string TestStepId, string Status, string? Message, TimeSpan Duration);

/// <summary>One execution (testCaseStarted) of a test case; a retried case has several, by attempt.</summary>
internal sealed class TestCaseAttempt(string id, string testCaseId, int attempt)
{
    public string Id { get; } = id;

    public string TestCaseId { get; } = testCaseId;

    public int Attempt { get; } = attempt;

    public List<StepResult> Results { get; } = [];

    /// <summary>What the target answered to each request of this attempt, when the suite attached it; null otherwise.</summary>
    public List<Drift.Observation>? Observations { get; set; }

    public bool Finished { get; set; }
}
