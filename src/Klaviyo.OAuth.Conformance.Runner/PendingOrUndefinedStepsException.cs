namespace Klaviyo.OAuth.Conformance.Runner;

/// <summary>
/// Reqnroll reports undefined and pending steps alike through <c>TestPending</c>; the runner tells
/// them apart afterwards (undefined fails with the snippet, pending is skipped).
/// </summary>
public sealed class PendingOrUndefinedStepsException : Exception
{
    public PendingOrUndefinedStepsException()
    {
    }

    public PendingOrUndefinedStepsException(string message)
        : base(message)
    {
    }

    public PendingOrUndefinedStepsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
