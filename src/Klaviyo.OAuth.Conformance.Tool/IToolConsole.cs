using Klaviyo.OAuth.Conformance.Runner;
using Spectre.Console.Rendering;

namespace Klaviyo.OAuth.Conformance.Tool;

/// <summary>
/// The one way every command speaks to the person at the terminal (or to the CI log). On a terminal a
/// run shows a live progress display; when output is redirected, plain lines. A live display can be
/// paused for a line that must be printed whole (a URL to open) or for a question, and resumes after.
/// </summary>
internal interface IToolConsole
{
    /// <summary>Standard output is a terminal that shows a live display and colour.</summary>
    bool IsLive { get; }

    /// <summary>Standard output as it is, for text printed verbatim (a diagnosis, JSON).</summary>
    TextWriter Out { get; }

    /// <summary>Standard error as it is, for a command that reports its own problems (the emulator's).</summary>
    TextWriter Error { get; }

    /// <summary>A line of output.</summary>
    void Line(string text);

    /// <summary>What a run tests, one fact per call (the target, where a setting came from), before it starts.</summary>
    void Header(string label, string value);

    /// <summary>The command's verdict in one line, coloured by whether it passes.</summary>
    void Verdict(bool passes, string text);

    /// <summary>One message on standard error saying what to fix (bad usage or input).</summary>
    void Problem(string message);

    /// <summary>A table or other rendering, after the live display.</summary>
    void Write(IRenderable renderable);

    /// <summary>
    /// Prints <paramref name="text"/> unwrapped and unstyled, so that it can be copied or clicked (a URL
    /// a person must open); a live display pauses around it.
    /// </summary>
    void PrintWhole(string text);

    /// <summary>
    /// Prints <paramref name="question"/> whole and returns the line typed on standard input, or null
    /// when the input has ended; a live display pauses around it.
    /// </summary>
    Task<string?> AskAsync(string question, CancellationToken cancellation = default);

    /// <summary>
    /// Runs <paramref name="work"/> with a progress that shows its scenarios: a live display on a
    /// terminal, plain lines otherwise. <see cref="PrintWhole"/> and <see cref="Ask"/> pause it.
    /// </summary>
    Task<T> ShowRunAsync<T>(string title, Func<IRunProgress, Task<T>> work);
}
