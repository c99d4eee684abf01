namespace Klaviyo.OAuth.Emulator.Standalone;

/// <summary>
/// A folder an option names for writing into (the tool's <c>--out</c>, the emulator's <c>--record</c>):
/// one that exists or can be made, and can be written. Checked while parsing, before anything starts,
/// so a file, or a folder one may not write, is one message naming the option.
/// </summary>
public static class WritableFolder
{
    /// <summary>Why <paramref name="option"/> <paramref name="path"/> cannot hold <paramref name="what"/>; null when it can.</summary>
    public static string? Problem(string option, string path, string what)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (string.IsNullOrWhiteSpace(path))
        {
            return $"{option} is empty: give a folder for {what} (it is made if it does not exist).";
        }

        string full;
        try
        {
            full = Path.GetFullPath(path);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return $"{option} '{path}' is not a usable path: {e.Message}";
        }

        if (File.Exists(full))
        {
            return $"{option} {path} is a file; give a folder for {what} (it is made if it does not exist).";
        }

        // The nearest folder that exists must be a folder one may write into.
        var existing = full;
        while (!Directory.Exists(existing))
        {
            var parent = Path.GetDirectoryName(existing);
            if (parent is null)
            {
                return $"{option} {path}: no part of it exists.";
            }

            if (File.Exists(parent))
            {
                return $"{option} {path} is inside {parent}, which is a file; give a folder for {what}.";
            }

            existing = parent;
        }

        return Writable(existing) ? null : $"{option} {path}: cannot write in {existing} (permission denied); give a folder you can write to.";
    }

    private static bool Writable(string folder)
    {
        var probe = Path.Combine(folder, $".klaviyo-oauth-write-probe-{Guid.NewGuid():N}");
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
