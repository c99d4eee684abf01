using System.Text;
using Reqnroll.Tracing;

namespace Klaviyo.OAuth.Conformance.Runner;

/// <summary>
/// Keeps Reqnroll's step trace of the running scenario so the host can show it only when the
/// scenario did not pass: a passing run stays quiet, a failing one shows every step.
/// One instance per test worker, which runs one scenario at a time.
/// </summary>
public sealed class ScenarioTraceListener : ITraceListener
{
    private readonly StringBuilder _trace = new();

    public void WriteTestOutput(string message) => Append(message);

    public void WriteToolOutput(string message) => Append("-> " + message);

    /// <summary>The trace so far, forgotten.</summary>
    public string Take()
    {
        lock (_trace)
        {
            var trace = _trace.ToString();
            _trace.Clear();
            return trace;
        }
    }

    private void Append(string line)
    {
        lock (_trace)
        {
            _trace.AppendLine(line);
        }
    }
}
