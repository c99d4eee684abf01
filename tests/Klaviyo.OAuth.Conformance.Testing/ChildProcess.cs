using System.Diagnostics;
using System.Text;

namespace Klaviyo.OAuth.Conformance.Testing;

/// <summary>
/// A process this test run started: its stdout and stderr interleaved as they arrive, line by line,
/// and a guarantee that it and every process it started are gone once disposed.
/// </summary>
public sealed class ChildProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly Lock _gate = new();
    private readonly TaskCompletionSource _streamsClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _openStreams = 2;

    private ChildProcess(Process process) => _process = process;

    /// <summary>Raised for every line of stdout or stderr, on a thread-pool thread.</summary>
    public event Action<string>? LineReceived;

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public string Output
    {
        get
        {
            lock (_gate)
            {
                return _output.ToString();
            }
        }
    }

    public static ChildProcess Start(string fileName, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string?> environment, bool withInput = false)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = withInput,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // A test's child is no step of the CI job that runs the tests: it annotates nothing and writes
        // no job summary unless the test says so.
        foreach (var ci in new[] { "GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY", "GITHUB_WORKSPACE" })
        {
            start.Environment.Remove(ci);
        }

        foreach (var (name, value) in environment)
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var child = new ChildProcess(process);
        process.OutputDataReceived += (_, e) => child.Receive(e.Data);
        process.ErrorDataReceived += (_, e) => child.Receive(e.Data);
        if (!process.Start())
        {
            process.Dispose();
            throw new InvalidOperationException($"{fileName} did not start.");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Types a line into the process's standard input (started with <c>withInput</c>).</summary>
    public async Task TypeLineAsync(string line)
    {
        await _process.StandardInput.WriteLineAsync(line);
        await _process.StandardInput.FlushAsync();
    }

    /// <summary>True when the process exited (and its output was read to the end) within <paramref name="limit"/>.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan limit)
    {
        using var deadline = new CancellationTokenSource(limit);
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            return false;
        }

        // Output still in flight after the exit: a grandchild holding the pipes open must not hold us.
        await Task.WhenAny(_streamsClosed.Task, Task.Delay(TimeSpan.FromSeconds(5), CancellationToken.None));
        return true;
    }

    /// <summary>Ends the process and every process it started, if still running.</summary>
    public void KillTree()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(TimeSpan.FromSeconds(10));
            }
        }
        catch (InvalidOperationException)
        {
            // It exited between the check and the kill.
        }
    }

    public void Dispose()
    {
        KillTree();
        _process.Dispose();
    }

    private void Receive(string? line)
    {
        if (line is null)
        {
            if (Interlocked.Decrement(ref _openStreams) == 0)
            {
                _streamsClosed.TrySetResult();
            }

            return;
        }

        lock (_gate)
        {
            _output.AppendLine(line);
        }

        LineReceived?.Invoke(line);
    }
}
