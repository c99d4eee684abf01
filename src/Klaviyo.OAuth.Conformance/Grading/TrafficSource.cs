using Klaviyo.OAuth.Guide.Traffic;

namespace Klaviyo.OAuth.Conformance.Grading;

/// <summary>Where an app's traffic to grade comes from: a capture file, or a running emulator's journal.</summary>
public abstract record TrafficSource
{
    private TrafficSource()
    {
    }

    /// <summary>How reports and messages name the source (never a secret).</summary>
    public abstract string Name { get; }

    /// <summary>A HAR export, curl command lines or a raw HTTP exchange.</summary>
    /// <param name="Path">The file.</param>
    public sealed record Capture(string Path) : TrafficSource
    {
        public override string Name => System.IO.Path.GetFileName(Path);

        public override string ToString() => Path;
    }

    /// <summary>The requests of one app in the journal of the emulator whose API host is at <paramref name="Emulator"/>.</summary>
    /// <param name="Emulator">The emulator's API host, with its control API on.</param>
    /// <param name="ClientId">The app's client id.</param>
    public sealed record Journal(Uri Emulator, string ClientId) : TrafficSource
    {
        public override string Name => $"{ClientId} at {Emulator}";

        public override string ToString() => Emulator.ToString();
    }
}

/// <summary>How to grade: what besides www.klaviyo.com serves the web side, and how long to wait for an emulator's journal.</summary>
/// <param name="WebHosts">host:port authorities serving <c>/oauth/authorize</c> (an emulator's are found in its journal).</param>
public sealed record GradeOptions(IReadOnlyList<string> WebHosts)
{
    public static GradeOptions Default { get; } = new([]);

    /// <summary>How long to wait for the emulator's journal.</summary>
    public TimeSpan JournalTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Rules the app is known to break on purpose (<c>--deviations</c>): reported, and not failing the build.</summary>
    public Deviations.KnownDeviations Deviations { get; init; } = Conformance.Deviations.KnownDeviations.None;
}

/// <summary>The traffic could not be read: one message naming the source and what is wrong with it.</summary>
public sealed class GradingInputException : Exception
{
    public GradingInputException()
    {
    }

    public GradingInputException(string message)
        : base(message)
    {
    }

    public GradingInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The emulator whose journal was asked for did not answer: nothing could be graded, though the input may be right.</summary>
    public bool Unreachable { get; private init; }

    internal static GradingInputException For(TrafficSource source, Exception cause) =>
        source is TrafficSource.Journal && cause is HttpRequestException or TaskCanceledException
            ? new($"Cannot grade {source}: the emulator could not be reached ({cause.Message}). Is it running at that URL, its API host, with its control API on?", cause) { Unreachable = true }
            : new($"Cannot grade {source}: {WithoutSource(cause.Message, source)}", cause);

    // The reader's own message starts with the file's name, which this one has just said.
    private static string WithoutSource(string message, TrafficSource source) =>
        message.StartsWith($"{source}: ", StringComparison.Ordinal) ? message[($"{source}: ").Length..] : message;

    internal static bool IsInputProblem(Exception e) =>
        e is TrafficFormatException or IOException or UnauthorizedAccessException or HttpRequestException or TaskCanceledException;
}
