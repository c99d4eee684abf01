using System.Text;
using System.Text.Json;
using Klaviyo.OAuth.Conformance.Catalogue;

namespace Klaviyo.OAuth.Conformance.Tests.Support;

/// <summary>Writes small Cucumber message streams in code, for cases a handmade file would make long.</summary>
internal sealed class Messages
{
    public static readonly (string Status, string? Message) Passed = ("PASSED", null);

    private readonly StringBuilder ndjson = new();
    private int next;

    public Messages Scenario(string name, string[] tags, params (string Status, string? Message)[] steps)
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
                testStepResult = StepResult(steps[i]),
            });
        }

        Line("testCaseFinished", new { testCaseStartedId = pickle + "-run" });
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

    public static (string Status, string? Message) Failed(string message) => ("FAILED", message);

    public static (string Status, string? Message) Skipped(string message) => ("SKIPPED", message);

    /// <summary>A skip as Reqnroll 3 records it: the text in testStepResult.exception.message.</summary>
    public static (string Status, string? Message) SkippedByException(string message) => ("SKIPPED" + ExceptionMarker, message);

    private const string ExceptionMarker = "+exception";

    private static object StepResult((string Status, string? Message) step) =>
        step.Status.EndsWith(ExceptionMarker, StringComparison.Ordinal)
            ? new { status = step.Status[..^ExceptionMarker.Length], exception = new { type = "IgnoreException", message = step.Message }, duration = new { seconds = 1, nanos = 0 } }
            : new { status = step.Status, message = step.Message, duration = new { seconds = 1, nanos = 0 } };

    public Messages Raw(string line)
    {
        ndjson.AppendLine(line);
        return this;
    }

    public TextReader Reader() => new StringReader(ndjson.ToString());

    public string WriteTo(string directory)
    {
        var path = Path.Combine(directory, "cucumber.ndjson");
        File.WriteAllText(path, ndjson.ToString());
        return path;
    }

    private void Line(string envelope, object body) =>
        ndjson.AppendLine(JsonSerializer.Serialize(new Dictionary<string, object> { [envelope] = body }));
}
