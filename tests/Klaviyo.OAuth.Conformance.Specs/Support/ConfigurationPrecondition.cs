using Klaviyo.OAuth.Conformance.Configuration;
using Klaviyo.OAuth.Conformance.Specs.Runner;
using Klaviyo.OAuth.Conformance.Specs.Support;

[assembly: RunPrecondition(typeof(ConfigurationPrecondition))]

namespace Klaviyo.OAuth.Conformance.Specs.Support;

/// <summary>A misconfigured suite is one failing test with every problem listed, before any scenario runs.</summary>
public sealed class ConfigurationPrecondition : IRunPrecondition
{
    public string? Problem()
    {
        try
        {
            SettingsValidation.ThrowIfInvalid(ConformanceSettings.Load(RepositoryLayout.Root));
            return null;
        }
        catch (ConformanceConfigurationException misconfigured)
        {
            return "The suite is misconfigured; no scenario ran. " + misconfigured.Message
                + Environment.NewLine + "Settings come from conformance.json at the repository root and Conformance__* environment variables (see conformance.example.json).";
        }
    }
}
