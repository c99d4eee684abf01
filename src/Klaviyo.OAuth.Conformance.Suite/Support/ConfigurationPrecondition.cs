using Klaviyo.OAuth.Conformance.Runner;

namespace Klaviyo.OAuth.Conformance.Suite.Support;

/// <summary>
/// A misconfigured suite is one failing test with every problem listed, before any scenario runs.
/// A host names it with <c>[assembly: RunPrecondition(typeof(ConfigurationPrecondition))]</c>.
/// </summary>
public sealed class ConfigurationPrecondition : IRunPrecondition
{
    public string? Problem() =>
        SuiteSettings.FromRepository().Problem is { } problem
            ? "The suite is misconfigured; no scenario ran. " + problem
                + Environment.NewLine + "Settings come from conformance.json at the repository root and Conformance__* environment variables (see conformance.example.json)."
            : null;
}
