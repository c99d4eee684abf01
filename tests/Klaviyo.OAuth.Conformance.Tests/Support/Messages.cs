using System.Text;
using System.Text.Json;
using Klaviyo.OAuth.Guide.Catalogue;

namespace Klaviyo.OAuth.Conformance.Tests.Support;

/// <summary>Writes small Cucumber message streams in code, for cases a handmade file would make long.</summary>
internal sealed class Messages
{
    public static readonly StepResult Passed = new("PASSED", null);

    private readonly StringBuilder ndjson = new();
    private int next;

    public Messages Scenario(string name, string[] tags, params StepResult[] steps)
    {
        var pickle = "p" + next++;
        Line("pickle", new
        {
            id = pickle,
            uri = "features/generated.feature",
            name,
            language = "en",
            steps = steps.Select((_, i) => new { id = $"{pickle}-s{i}", text = $"step {i}", type = "Action", astNodeIds = Array.Empty<string>() }),
            tags = tags.Select(t => new { name = t, astNodeId = "t" }),
            astNodeIds = Array.Empty<string>(),
        });
        Line("testCase", new
        {
            id = pickle + "-tc",
            pickleId = pickle,
            testSteps = steps.Select((_, i) => new { id = $"{pickle}-ts{i}", pickleStepId = $"{pickle}-s{i}" }),
        });
        Line("testCaseStarted", new { id = pickle + "-run", testCaseId = pickle + "-tc", attempt = 0 });
        for (var i = 0; i < steps.Length; i++)
        {
            Line("testStepFinished", new
            {
                testCaseStartedId = pickle + "-run",
                testStepId = $"{pickle}-ts{i}",
                testStepResult = Json(steps[i]),
            });
        }

        Line("testCaseFinished", new { testCaseStartedId = pickle + "-run" });
        return this;
    }

    /// <summary>What the target answered in the last scenario, attached as the suite attaches it (base64, by file name).</summary>
    public Messages Observed(params Klaviyo.OAuth.Conformance.Reporting.Drift.Observation[] observations)
    {
        Line("attachment", new
        {
            testCaseStartedId = $"p{next - 1}-run",
            body = Convert.ToBase64String(Encoding.UTF8.GetBytes(Klaviyo.OAuth.Conformance.Reporting.Drift.Observation.Serialize(observations))),
            contentEncoding = "BASE64",
            fileName = Klaviyo.OAuth.Conformance.Reporting.Drift.Observation.AttachmentFileName,
            mediaType = "application/json",
        });
        return this;
    }

    /// <summary>A pickle the run left out (a filter): listed, never started.</summary>
    public Messages NotStarted(string name, string[] tags)
    {
        Line("pickle", new
        {
            id = "p" + next++,
            uri = "features/generated.feature",
            name,
            language = "en",
            steps = Array.Empty<object>(),
            tags = tags.Select(t => new { name = t, astNodeId = "t" }),
            astNodeIds = Array.Empty<string>(),
        });
        return this;
    }

    /// <summary>One passing scenario for every catalogue behaviour: a fully conforming run.</summary>
    public Messages EveryBehaviourPassing()
    {
        foreach (var behaviour in BehaviourCatalogue.All)
        {
            Scenario($"{behaviour.Id} holds", [behaviour.Level.Tag(), behaviour.Tag], Passed);
        }

        return this;
    }

    public static StepResult Failed(string message) => new("FAILED", message);

    public static StepResult Skipped(string message) => new("SKIPPED", message);

    /// <summary>A skip as Reqnroll 3 records it: the text in testStepResult.exception.message.</summary>
    public static StepResult SkippedByException(string message) => new("SKIPPED", message, InException: true);

    private static object Json(StepResult step) =>
        step.InException
            ? new { status = step.Status, exception = new { type = "IgnoreException", message = step.Message }, duration = new { seconds = 1, nanos = 0 } }
            : new { status = step.Status, message = step.Message, duration = new { seconds = 1, nanos = 0 } };

    public Messages Raw(string line)
    {
        ndjson.AppendLine(line);
        return this;
    }

    public TextReader Reader() => new StringReader(ndjson.ToString());

    public string WriteTo(string directory, string fileName = "cucumber.ndjson")
    {
        var path = Path.Combine(directory, fileName);
        File.WriteAllText(path, ndjson.ToString());
        return path;
    }

    private void Line(string envelope, object body) =>
        ndjson.AppendLine(JsonSerializer.Serialize(new Dictionary<string, object> { [envelope] = body }));
}

/// <summary>One step's result as a test writes it: its status, and its message in "message" or, as Reqnroll 3 writes it, in "exception".</summary>
internal sealed record StepResult(string Status, string? Message, bool InException = false);
