using System.CommandLine;

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

    /// <summary>Why reports cannot be written under <paramref name="path"/>; null when they can.</summary>
    public static string? Problem(string path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return "--out is empty: give a folder for the reports, e.g. --out reports (it is made if it does not exist).";
        }

        string full;
        try
        {
            full = Path.GetFullPath(path);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return $"--out '{path}' is not a usable path: {e.Message}";
        }

        if (File.Exists(full))
        {
            return $"--out {path} is a file; give a folder for the reports (it is made if it does not exist).";
        }

        // The nearest folder that exists must be a folder one may write into.
        var existing = full;
        while (!Directory.Exists(existing))
        {
            var parent = Path.GetDirectoryName(existing);
            if (parent is null)
            {
                return $"--out {path}: no part of it exists.";
            }

            if (File.Exists(parent))
            {
                return $"--out {path} is inside {parent}, which is a file; give a folder for the reports.";
            }

            existing = parent;
        }

        return Writable(existing) ? null : $"--out {path}: cannot write in {existing} (permission denied); give a folder you can write to.";
    }

    private static bool Writable(string folder)
    {
        var probe = Path.Combine(folder, $".klaviyo-oauth-conformance-{Guid.NewGuid():N}");
        try
        {
            using (File.Create(probe, 1, FileOptions.DeleteOnClose))
            {
            }

            return true;
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            return false;
        }
    }
}
