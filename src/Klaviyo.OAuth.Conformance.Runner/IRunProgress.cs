using Klaviyo.OAuth.Guide;

namespace Klaviyo.OAuth.Conformance.Runner;

/// <summary>
/// What a host shows of a run as it goes: how many scenarios will run, each one's outcome as it
/// finishes, and the lines the bindings address to the person running the suite (the target, where
/// the reports are). A command-line host draws a live display; a test host writes lines.
/// </summary>
public interface IRunProgress
{
    /// <summary>The run is about to start this many scenarios.</summary>
    void RunStarting(int scenarios);

    /// <summary>A scenario finished (called from the worker that ran it; hosts serialise their output).</summary>
    void ScenarioFinished(string scenario, FinishedScenario outcome);

    /// <summary>A line meant for the person running the suite.</summary>
    void Note(string line);
}

/// <summary>
/// Progress as plain lines on a writer: each note, and each scenario that did not pass or was not
/// skipped with its reason. Skipped scenarios are counted by the summary, not listed one by one: an
/// unreachable target or a missing key skips many for one reason, which the summary states once.
/// </summary>
public sealed class TextRunProgress(TextWriter output, bool listPasses = true) : IRunProgress
{
    private readonly TextWriter _output = TextWriter.Synchronized(output);

    public void RunStarting(int scenarios)
    {
    }

    public void ScenarioFinished(string scenario, FinishedScenario outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (outcome.Status == StepStatus.Skipped || (outcome.Passed && !listPasses))
        {
            return;
        }

        var line = outcome.ProgressLine(scenario);
        _output.WriteLine(outcome.Passed || outcome.Failure is null ? line : line + Environment.NewLine + Indent(outcome.Failure.Message));
    }

    public void Note(string line) => _output.WriteLine(line);

    /// <summary>A failure's message under its scenario's line.</summary>
    public static string Indent(string text) =>
        "      " + text.ReplaceLineEndings(Environment.NewLine + "      ");
}
