using System.Diagnostics;
using System.Runtime.InteropServices;
using Klaviyo.OAuth.Conformance.SignIn;

namespace Klaviyo.OAuth.Conformance.Tool;

/// <summary>
/// The console side of <c>run --sign-in</c>: prints each line whole through the tool's console (the
/// live display pauses, so no progress redraw cuts into a URL), asks for the pasted URL there, and
/// opens the system browser when there is a desktop to open it on.
/// </summary>
internal sealed class SignInPrompt(IToolConsole console) : ISignInConsole
{
    public void ShowLine(string line) => console.PrintWhole(line);

    public Task<string?> AskAsync(string question, CancellationToken cancellationToken) => console.AskAsync(question, cancellationToken);

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
