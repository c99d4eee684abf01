namespace Klaviyo.OAuth.Emulator;

/// <summary>Which of the emulator's two hosts.</summary>
public enum EmulatorHostKind
{
    /// <summary>The API host (as a.klaviyo.com).</summary>
    Api,

    /// <summary>The web host (as www.klaviyo.com).</summary>
    Web,
}

/// <summary>
/// A host could not listen (its port is taken, its address is not this machine's, …). The message
/// names the host and its URL, so that a command line can say which option to change.
/// </summary>
public sealed class EmulatorStartException : Exception
{
    public EmulatorStartException(EmulatorHostKind host, string url, Exception cause)
        : base($"the {(host == EmulatorHostKind.Api ? "API" : "web")} host could not listen on {url} ({Cause(cause)}).", cause)
    {
        Host = host;
        Url = url;
    }

    /// <summary>The host that could not listen.</summary>
    public EmulatorHostKind Host { get; }

    /// <summary>The URL it was asked to listen on.</summary>
    public string Url { get; }

    // WireMock wraps Kestrel's error ("Failed to bind to address …: address already in use."); the innermost says it best.
    private static string Cause(Exception cause)
    {
        var innermost = cause;
        while (innermost.InnerException is not null)
        {
            innermost = innermost.InnerException;
        }

        return innermost.Message.TrimEnd('.');
    }
}
