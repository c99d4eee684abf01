namespace Klaviyo.OAuth.Conformance.Deviations;

/// <summary>A known-deviations file that cannot be used; the message names the file, the entry and what to fix.</summary>
public sealed class DeviationsFileException : Exception
{
    public DeviationsFileException()
    {
    }

    public DeviationsFileException(string message)
        : base(message)
    {
    }

    public DeviationsFileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
