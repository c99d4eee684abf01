using Klaviyo.OAuth.Conformance.Runner;
using Klaviyo.OAuth.Guide;
using Spectre.Console;

namespace Klaviyo.OAuth.Conformance.Tool;

/// <summary>
/// A run's live display on a terminal: one progress bar with the counts so far, and above it each
/// scenario that failed or fell short of an advisory requirement, in colour, with its reason. It can be
/// paused (the bar is taken down) for a prompt or a line that must be printed whole, and resumed.
/// </summary>
internal sealed class LiveRunProgress(IAnsiConsole console, Lock gate, string title) : IRunProgress
{
    private int _total;
    private int _passed;
    private int _failed;
    private int _advisory;
    private int _skipped;
    private int _pauses;
    private CancellationTokenSource? _stop;
    private Task? _display;

    public void RunStarting(int scenarios)
    {
        _total = scenarios;
        Show();
    }

    public void ScenarioFinished(string scenario, FinishedScenario outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        switch (outcome.Outcome)
        {
            case ScenarioOutcome.Passed:
                Interlocked.Increment(ref _passed);
                return;
            case ScenarioOutcome.Skipped:
                Interlocked.Increment(ref _skipped);
                return;
            case ScenarioOutcome.Failed when !outcome.FailsRun:
                Interlocked.Increment(ref _advisory);
                Print("yellow", outcome.ProgressLine(scenario), outcome.Failure?.Message);
                return;
            default:
                Interlocked.Increment(ref _failed);
                Print("red", outcome.ProgressLine(scenario), outcome.Failure?.Message);
                return;
        }
    }

    public void Note(string line)
    {
        lock (gate)
        {
            console.WriteLine(line);
        }
    }

    /// <summary>The display is on screen (its owner holds the console's lock when asking).</summary>
    public bool IsShowing => _display is { IsCompleted: false };

    /// <summary>Takes the display down until every pause has resumed; what it showed is gone, the counts stay.</summary>
    public void Pause()
    {
        Interlocked.Increment(ref _pauses);
        TakeDown();
    }

    /// <summary>Ends one pause; the display shows again when no other pause holds it.</summary>
    public void Resume()
    {
        if (Interlocked.Decrement(ref _pauses) == 0)
        {
            Show();
        }
    }

    /// <summary>Takes the display down at the end of the run.</summary>
    public void Stop()
    {
        Interlocked.Increment(ref _pauses);
        TakeDown();
    }

    private void TakeDown()
    {
        CancellationTokenSource? stop;
        Task? display;
        lock (gate)
        {
            (stop, display, _stop, _display) = (_stop, _display, null, null);
        }

        stop?.Cancel();
        display?.GetAwaiter().GetResult();
        stop?.Dispose();
    }

    private void Show()
    {
        lock (gate)
        {
            if (_display is not null || Volatile.Read(ref _pauses) > 0)
            {
                return;
            }

            var stop = new CancellationTokenSource();
            _stop = stop;
            _display = Task.Run(() => ShowAsync(stop.Token));
        }
    }

    private int Done => _passed + _failed + _advisory + _skipped;

    private string Counts() =>
        $"{title} [green]✓ {_passed}[/] [red]✗ {_failed}[/] [yellow]! {_advisory}[/] [grey]- {_skipped}[/]";

    private Task ShowAsync(CancellationToken stop) =>
        console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(Counts(), maxValue: Math.Max(1, _total));
                while (!stop.IsCancellationRequested)
                {
                    task.Value = Done;
                    task.Description = Counts();
                    try
                    {
                        await Task.Delay(100, stop);
                    }
                    catch (OperationCanceledException)
                    {
                        break;
                    }
                }
            });

    private void Print(string colour, string line, string? reason)
    {
        lock (gate)
        {
            console.MarkupLine($"[{colour}]{Markup.Escape(line)}[/]");
            if (reason is not null)
            {
                console.MarkupLine($"[grey]{Markup.Escape(TextRunProgress.Indent(reason))}[/]");
            }
        }
    }
}
