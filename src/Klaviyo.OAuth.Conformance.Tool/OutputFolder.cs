using System.CommandLine;
using Klaviyo.OAuth.Emulator.Standalone;

namespace Klaviyo.OAuth.Conformance.Tool;

/// <summary>
/// The <c>--out</c> option of the commands that write reports: a folder that exists or can be made,
/// and can be written. A file, or a folder the user may not write, is refused while parsing, with one
/// message, before anything runs.
/// </summary>
internal static class OutputFolder
{
    public static Option<string?> Option(string description)
    {
        var option = new Option<string?>("--out") { Description = description, HelpName = "dir" };
        option.Validators.Add(result =>
        {
            if (result.Tokens.Count == 1 && Problem(result.Tokens[0].Value) is { } problem)
            {
                result.AddError(problem);
            }
        });
        return option;
    }

    /// <summary>
    /// Writes <paramref name="what"/> and names each file written; false (after one message naming the
    /// folder) when the folder cannot be written after all, e.g. it was removed while the command ran.
    /// </summary>
    public static bool TryWrite(IToolConsole console, string folder, string what, Func<IEnumerable<string>> write)
    {
        try
        {
            foreach (var path in write())
            {
                console.PrintWhole($"wrote {path}");
            }

            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            console.Problem($"Cannot write {what} to {folder}: {e.Message}");
            return false;
        }
    }

    /// <summary>Where run and compare write when no --out is given, under the working folder.</summary>
    public const string Default = "reports";

    /// <summary>
    /// True (after one message) when <paramref name="folder"/> cannot be written: a default one too,
    /// which no option's check saw (a working folder one may not write into).
    /// </summary>
    public static bool Refuses(IToolConsole console, string folder)
    {
        if (Problem(folder) is not { } problem)
        {
            return false;
        }

        console.Problem(problem);
        return true;
    }

    /// <summary>Why reports cannot be written under <paramref name="path"/>; null when they can.</summary>
    public static string? Problem(string path) => WritableFolder.Problem("--out", path, "the reports");
}
