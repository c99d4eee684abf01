namespace Klaviyo.OAuth.Conformance.Http;

/// <summary>The target could not be reached or did not answer: the message names the URL, the cause and what to check.</summary>
public sealed class TargetUnreachableException : Exception
{
    public TargetUnreachableException()
    {
    }

    public TargetUnreachableException(string message)
        : base(message)
    {
    }

    public TargetUnreachableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
