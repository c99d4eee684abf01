namespace Klaviyo.OAuth.Guide.Traffic;

/// <summary>
/// A capture that cannot be read: too large, binary, truncated, not valid JSON, not a HAR, curl
/// command or HTTP request. The message is written for the person who gave the file, and is
/// all a command prints.
/// </summary>
public sealed class TrafficFormatException : Exception
{
    public TrafficFormatException()
    {
    }

    public TrafficFormatException(string message)
        : base(message)
    {
    }

    public TrafficFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
