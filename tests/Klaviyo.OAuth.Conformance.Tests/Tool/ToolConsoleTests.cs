using FluentAssertions;
using Klaviyo.OAuth.Conformance.Runner;
using Klaviyo.OAuth.Conformance.Tool;
using Klaviyo.OAuth.Guide;
using NUnit.Framework;
using Spectre.Console.Testing;

namespace Klaviyo.OAuth.Conformance.Tests.Tool;

/// <summary>
/// The console every command writes through: plain lines when redirected, a live display on a
/// terminal that pauses, whole, for a line that must be printed whole and for a question.
/// </summary>
public class ToolConsoleTests
{
    private const string LongUrl = "https://www.klaviyo.com/oauth/authorize?response_type=code&client_id=0123456789abcdef01234567&redirect_uri=http%3A%2F%2F127.0.0.1%3A5080%2Fcallback&scope=accounts%3Aread%20profiles%3Aread&state=a-long-state-value-that-must-not-be-wrapped&code_challenge_method=S256&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    [Test]
    public async Task Redirected_a_run_is_plain_lines_failures_with_their_reason_and_no_line_per_skipped_scenario()
    {
        using var output = new StringWriter();
        var console = new ToolConsole(output, TextWriter.Null, () => TextReader.Null, live: false);

        await console.ShowRunAsync("3 scenarios", progress =>
        {
            progress.RunStarting(3);
            progress.Note("Target: embedded emulator");
            progress.ScenarioFinished("A good one", FinishedScenario.Pass);
            progress.ScenarioFinished("A bad one", FinishedScenario.Of(StepStatus.Failed, new InvalidOperationException("expected 401, got 200")));
            progress.ScenarioFinished("An unreachable one", FinishedScenario.Of(StepStatus.Skipped, new ScenarioSkippedException("target unreachable")));
            return Task.FromResult(0);
        });

        console.IsLive.Should().BeFalse();
        output.ToString().Should().Contain("Target: embedded emulator").And.Contain("✓ A good one").And.Contain("✗ A bad one")
            .And.Contain("expected 401, got 200").And.NotContain("An unreachable one").And.NotContain("\u001b[", "redirected output carries no escape codes");
    }

    [Test]
    public async Task A_live_display_pauses_for_a_line_printed_whole_and_for_a_question_then_resumes()
    {
        using var terminal = new TestConsole().Interactive().EmitAnsiSequences().Width(80);
        terminal.Profile.Capabilities.Ansi = true;
        var displayedWhilePrinting = new List<bool>();
        var displayedWhileAsking = new List<bool>();
        ToolConsole console = null!;
        using var whole = new WatchedWriter(() => displayedWhilePrinting.Add(console.IsDisplaying));
        using var typed = new WatchedReader("4/0AbCdEf", () => displayedWhileAsking.Add(console.IsDisplaying));
        console = new ToolConsole(terminal, whole, TextWriter.Null, () => typed, terminal: true);
        var displayedBefore = false;
        var displayedAfter = false;

        var answer = await console.ShowRunAsync("2 scenarios", async progress =>
        {
            progress.RunStarting(2);
            progress.ScenarioFinished("A good one", FinishedScenario.Pass);
            await Task.Delay(250); // the display draws a few frames
            displayedBefore = console.IsDisplaying;
            console.PrintWhole(LongUrl);
            var code = await console.AskAsync("Paste the code:");
            displayedAfter = console.IsDisplaying;
            progress.ScenarioFinished("A bad one", FinishedScenario.Of(StepStatus.Failed, new InvalidOperationException("expected 401, got 200")));
            await Task.Delay(250);
            return code;
        });

        console.IsLive.Should().BeTrue();
        (displayedBefore, displayedAfter).Should().Be((true, true), "the display shows before and resumes after");
        displayedWhilePrinting.Should().HaveCount(2).And.OnlyContain(shown => !shown, "the display is taken down while the URL and the question are printed");
        displayedWhileAsking.Should().Equal([false], "the display is taken down while the person types");
        console.IsDisplaying.Should().BeFalse("the display ends with the run");
        answer.Should().Be("4/0AbCdEf");
        whole.ToString().Should().Be(LongUrl + Environment.NewLine + "Paste the code:" + Environment.NewLine, "the URL is printed as one line, never wrapped at the terminal's 80 columns");
        terminal.Output.Should().Contain("✗ A bad one").And.Contain("2 scenarios");
    }

    [Test]
    public async Task Without_a_terminal_a_question_reads_standard_input_and_null_when_it_ended()
    {
        using var output = new StringWriter();
        var console = new ToolConsole(output, TextWriter.Null, () => new StringReader("yes\n"), live: false);

        (await console.AskAsync("Continue?")).Should().Be("yes");
        (await console.AskAsync("Again?")).Should().BeNull();
        output.ToString().Should().Be("Continue?" + Environment.NewLine + "Again?" + Environment.NewLine);
    }

    [Test]
    public void A_problem_goes_to_standard_error_and_nothing_to_standard_output()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var console = new ToolConsole(output, error, () => TextReader.Null, live: false);

        console.Problem("--out reports.txt is a file");

        error.ToString().Should().Be("--out reports.txt is a file" + Environment.NewLine);
        output.ToString().Should().BeEmpty();
    }

    /// <summary>Standard input with one line typed, telling when it is read.</summary>
    private sealed class WatchedReader(string line, Action onRead) : StringReader(line + "\n")
    {
        public override ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken)
        {
            onRead();
            return base.ReadLineAsync(cancellationToken);
        }
    }

    /// <summary>A writer that tells, at each line, what the test watches.</summary>
    private sealed class WatchedWriter(Action onLine) : StringWriter
    {
        public override void WriteLine(string? value)
        {
            onLine();
            base.WriteLine(value);
        }
    }
}
