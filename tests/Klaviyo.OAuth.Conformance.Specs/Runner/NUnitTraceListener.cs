using System.Text;
using NUnit.Framework;
using Reqnroll.Tracing;

namespace Klaviyo.OAuth.Conformance.Specs.Runner;

/// <summary>
/// Keeps Reqnroll's step trace of the running scenario and hands it to the test's output only when
/// the scenario did not pass: a passing run stays quiet, a failing one shows every step.
/// One instance per test worker, which runs one scenario at a time.
/// </summary>
public sealed class NUnitTraceListener : ITraceListener
{
    private readonly StringBuilder _trace = new();

    public void WriteTestOutput(string message) => Append(message);

    public void WriteToolOutput(string message) => Append("-> " + message);

    /// <summary>Writes the trace so far to the current test's output and forgets it.</summary>
    public void Publish()
    {
        string trace;
        lock (_trace)
        {
            trace = _trace.ToString();
            _trace.Clear();
        }

        if (trace.Length > 0)
        {
            TestContext.Out.Write(trace);
        }
    }

    public void Discard()
    {
        lock (_trace)
        {
            _trace.Clear();
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
