namespace Klaviyo.OAuth.Conformance.Tool;

/// <summary>
/// A run's file as people name it to <c>report</c> and <c>compare</c>: the file itself, or the reports
/// folder the run wrote it to (<c>report reports</c>), which stands for the first of the named files in it.
/// </summary>
internal static class RunFiles
{
    /// <summary>The Cucumber messages a run writes (reqnroll.json's formatter).</summary>
    public const string Messages = "cucumber.ndjson";

    /// <summary>The run's matrix as JSON.</summary>
    public const string Json = Reporting.Writers.ConformanceJsonWriter.FileName;

    /// <summary>The path itself when it is not a folder; otherwise the first of <paramref name="names"/> in it, or the problem.</summary>
    public static (string? File, string? Problem) In(string path, params string[] names)
    {
        if (!Directory.Exists(path))
        {
            return (path, null);
        }

        return names.Select(name => Path.Combine(path, name)).FirstOrDefault(File.Exists) is { } file
            ? (file, null)
            : (null, $"{path} is a folder without {string.Join(" or ", names)}: pass the reports folder of a run, or the file itself.");
    }
}
