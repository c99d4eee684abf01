namespace Klaviyo.OAuth.Conformance.Runner;

/// <summary>A scenario that was not verified (ignored, or the target lacks what it needs); the message says why.</summary>
public sealed class ScenarioSkippedException : Exception
{
    public ScenarioSkippedException()
    {
    }

    public ScenarioSkippedException(string message)
        : base(message)
    {
    }

    public ScenarioSkippedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
