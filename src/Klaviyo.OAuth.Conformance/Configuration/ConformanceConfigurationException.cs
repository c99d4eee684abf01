namespace Klaviyo.OAuth.Conformance.Configuration;

/// <summary>The <c>Conformance</c> settings cannot be used: the message lists every problem and how to fix it.</summary>
public sealed class ConformanceConfigurationException : Exception
{
    public ConformanceConfigurationException()
    {
    }

    public ConformanceConfigurationException(string message)
        : base(message)
    {
    }

    public ConformanceConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ConformanceConfigurationException(IReadOnlyList<string> problems)
        : base(Combine(problems)) =>
        Problems = problems;

    /// <summary>Each problem on its own, one sentence that says what to fix.</summary>
    public IReadOnlyList<string> Problems { get; } = [];

    private static string Combine(IReadOnlyList<string> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        return problems.Count == 1
            ? "The conformance settings cannot be used: " + problems[0]
            : "The conformance settings cannot be used:" + string.Concat(problems.Select(p => Environment.NewLine + "  - " + p));
    }
}
