using Klaviyo.OAuth.Conformance.Runner;
using Reqnroll;

namespace Klaviyo.OAuth.Conformance.Specs.Runner.Samples.Steps;

/// <summary>Configures the runner as a real suite would: one advisory tag, and a handler for the end of the run.</summary>
[Binding]
public sealed class SampleRunHooks
{
    [BeforeTestRun]
    public static void ConfigureTheRunner(RunContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.WarnOnlyTags = new HashSet<string>(["sample.advisory"], StringComparer.OrdinalIgnoreCase);
        context.ExpectedFailureTags = new Dictionary<string, string> { ["sample.expected"] = "listed as a known deviation" };
        context.OnRunCompleted(async reports =>
        {
            // Proves the handler runs after Reqnroll closed its reports: the messages are complete.
            var messages = await File.ReadAllTextAsync(Path.Combine(reports, "cucumber.ndjson"));
            await File.WriteAllTextAsync(Path.Combine(reports, "run-completed.txt"), messages.Contains("\"testRunFinished\"", StringComparison.Ordinal) ? "complete" : "incomplete");
            return null;
        });
    }
}
