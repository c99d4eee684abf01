using System.Diagnostics;
using System.Runtime.InteropServices;
using Klaviyo.OAuth.Conformance.SignIn;

namespace Klaviyo.OAuth.Conformance.Tool;

/// <summary>
/// The console side of <c>run --sign-in</c>: prints each line whole on the run's output (one writer,
/// so no progress line cuts into a URL), reads the pasted URL from standard input, and opens the
/// system browser when there is a desktop to open it on.
/// </summary>
internal sealed class SignInPrompt(TextWriter output, Func<Stream> standardInput) : ISignInConsole
{
    private readonly Lazy<TextReader> _input = new(() => new StreamReader(standardInput()));

    public void ShowLine(string line)
    {
        lock (output)
        {
            output.WriteLine(line);
            output.Flush();
        }
    }

    public async Task<string?> AskAsync(string question, CancellationToken cancellationToken)
    {
        ShowLine(question);
        return await _input.Value.ReadLineAsync(cancellationToken);
    }

    public bool TryOpenBrowser(Uri url)
    {
        var opener = OperatingSystem.IsWindows() ? null
            : OperatingSystem.IsMacOS() ? "open"
            : HasDesktop() ? "xdg-open"
            : null;
        try
        {
            using var process = opener is null
                ? OperatingSystem.IsWindows() ? Process.Start(new ProcessStartInfo(url.AbsoluteUri) { UseShellExecute = true }) : null
                : Process.Start(new ProcessStartInfo(opener, url.AbsoluteUri) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true });
            return process is not null;
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException or ExternalException)
        {
            return false;
        }
    }

    // A Linux without a display (a server, CI, a container) has no browser to show: the printed URL is the way.
    private static bool HasDesktop() =>
        !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DISPLAY")) || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("WAYLAND_DISPLAY"));
}
