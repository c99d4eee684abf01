namespace Klaviyo.OAuth.Conformance.Runner;

/// <summary>
/// The repository a build runs from, found at run time (never recorded at build time): the first
/// folder at or above a starting point that holds the solution file.
/// </summary>
public static class RepositoryRoot
{
    public const string SolutionFile = "Klaviyo.OAuth.Conformance.sln";

    /// <summary>The repository root above <paramref name="start"/> (default: the running assembly's folder), or null outside a clone.</summary>
    public static string? Find(string? start = null)
    {
        for (var folder = new DirectoryInfo(start ?? AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, SolutionFile)))
            {
                return folder.FullName;
            }
        }

        return null;
    }
}
