namespace Klaviyo.OAuth.Conformance.SignIn;

/// <summary>
/// Where the assisted sign-in speaks to the person running the suite. Only a host that can ask (the
/// command-line tool's <c>run --sign-in</c>) provides one; <c>dotnet test</c> never does, so it never asks.
/// </summary>
public interface ISignInConsole
{
    /// <summary>Prints a line whole, on a line of its own, with any live progress display paused (a URL must stay copyable, even when output is redirected).</summary>
    void ShowLine(string line);

    /// <summary>Asks a question and returns the line the person typed, or null when the input has ended.</summary>
    Task<string?> AskAsync(string question, CancellationToken cancellationToken);

    /// <summary>Opens the URL in a browser where one is available; false when none could be opened (then the printed URL is the way).</summary>
    bool TryOpenBrowser(Uri url);
}
