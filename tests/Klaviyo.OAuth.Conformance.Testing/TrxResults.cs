using System.Xml.Linq;

namespace Klaviyo.OAuth.Conformance.Testing;

/// <summary>One test of a TRX file: its name, its outcome (Passed, Failed, NotExecuted…) and its message.</summary>
public sealed record TestResult(string Name, string Outcome, string Message)
{
    public bool Passed => Outcome == "Passed";

    public bool Failed => Outcome == "Failed";

    /// <summary>NUnit's ignored/inconclusive tests land in the TRX as NotExecuted.</summary>
    public bool Skipped => Outcome is "NotExecuted" or "Inconclusive";
}

/// <summary>Reads the results of a TRX file written by <c>dotnet test --logger trx</c>.</summary>
public static class TrxResults
{
    private static readonly XNamespace Ns = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";

    public static IReadOnlyList<TestResult> Read(string path) =>
        XDocument.Load(path).Descendants(Ns + "UnitTestResult")
            .Select(result => new TestResult(
                (string)result.Attribute("testName")!,
                (string)result.Attribute("outcome")!,
                result.Descendants(Ns + "Message").FirstOrDefault()?.Value ?? string.Empty))
            .ToList();
}
