namespace Klaviyo.OAuth.Conformance.Runner;

/// <summary>
/// A scenario's check did not hold, and the message says everything (expected, got, evidence, how
/// to fix): hosts show the message alone, without a stack trace.
/// </summary>
public sealed class CheckFailedException : Exception
{
    public CheckFailedException()
    {
    }

    public CheckFailedException(string message)
        : base(message)
    {
    }

    public CheckFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
