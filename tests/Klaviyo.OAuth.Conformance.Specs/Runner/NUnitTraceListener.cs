using NUnit.Framework;
using Reqnroll.Tracing;

namespace Klaviyo.OAuth.Conformance.Specs.Runner;

/// <summary>Reqnroll's step trace goes to the output of the NUnit test that is running.</summary>
public sealed class NUnitTraceListener : ITraceListener
{
    public void WriteTestOutput(string message) => TestContext.Out.WriteLine(message);

    public void WriteToolOutput(string message) => TestContext.Out.WriteLine("-> " + message);
}
