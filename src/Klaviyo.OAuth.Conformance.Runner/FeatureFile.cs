using Io.Cucumber.Messages.Types;
using Reqnroll;

namespace Klaviyo.OAuth.Conformance.Runner;

/// <summary>
/// One <c>.feature</c> file as the runner sees it: either parsed (with the Cucumber messages Reqnroll's
/// formatters need, and one <see cref="FeatureInfo"/> instance that lives for the whole run), or
/// broken, with the parser's message.
/// </summary>
public sealed class FeatureFile
{
    private FeatureFile(string relativePath, FeatureInfo? info, GherkinDocument? document, IReadOnlyList<ScenarioPlan> scenarios, string? parseError, string? brokenTestName = null, IReadOnlyList<string>? brokenTestCategories = null)
    {
        BrokenTestCategories = brokenTestCategories ?? [];
        BrokenTestName = brokenTestName ?? $"Feature file does not parse: features/{relativePath}";
        RelativePath = relativePath;
        Info = info;
        Document = document;
        Scenarios = scenarios;
        ParseError = parseError;
    }

    /// <summary>Path below the features folder, with forward slashes (e.g. <c>token/refresh.feature</c>).</summary>
    public string RelativePath { get; }

    /// <summary>Reqnroll compares features by reference: this instance is the feature for the whole run.</summary>
    public FeatureInfo? Info { get; }

    public GherkinDocument? Document { get; }

    public IReadOnlyList<ScenarioPlan> Scenarios { get; }

    /// <summary>Set when the file does not parse: names the file, line and the parser's message.</summary>
    public string? ParseError { get; }

    /// <summary>The name of the one failing test that stands for a broken file (or an unrunnable suite).</summary>
    public string BrokenTestName { get; }

    /// <summary>
    /// Categories of that one failing test. An unrunnable suite carries every tag of every feature,
    /// so a run filtered by tag still shows why nothing could run.
    /// </summary>
    public IReadOnlyList<string> BrokenTestCategories { get; }

    public string DisplayName => Document?.Feature?.Name is { Length: > 0 } name ? name : RelativePath;

    public static FeatureFile Parsed(string relativePath, FeatureInfo info, GherkinDocument document, IReadOnlyList<ScenarioPlan> scenarios) =>
        new(relativePath, info, document, scenarios, null);

    public static FeatureFile Broken(string relativePath, string parseError) =>
        new(relativePath, null, null, [], parseError);

    /// <summary>Stands for the whole suite when a precondition fails: one test, named after the problem.</summary>
    public static FeatureFile Unrunnable(string testName, string problem, IReadOnlyList<string> categories) =>
        new("(preconditions)", null, null, [], problem, testName, categories);

    public override string ToString() => RelativePath;
}
