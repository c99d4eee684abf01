using Klaviyo.OAuth.Conformance.Configuration;
using Klaviyo.OAuth.Conformance.Runner;
using Klaviyo.OAuth.Conformance.SignIn;

namespace Klaviyo.OAuth.Conformance.Suite.Support;

/// <summary>
/// The run's Conformance settings, loaded and validated once: by default from conformance.json at
/// the repository root (found at run time) and Conformance__* environment variables; a host that
/// builds them itself (the command-line tool) hands them over with <see cref="Use"/> before the run.
/// </summary>
public static class SuiteSettings
{
    private static Lazy<Loaded> _loaded = new(() => Validate(() => ConformanceSettings.Load(RepositoryRoot.Find() ?? Directory.GetCurrentDirectory())));

    /// <summary>The settings, or null when they are unusable (then <see cref="Problem"/> says why).</summary>
    public static ConformanceSettings? Current => _loaded.Value.Settings;

    /// <summary>What is wrong with the settings, in words that say what to fix; null when they are usable.</summary>
    public static string? Problem => _loaded.Value.Problem;

    /// <summary>
    /// Where the assisted sign-in asks a person, set by a host that can ask (the tool's <c>run --sign-in</c>);
    /// null under <c>dotnet test</c>, which never asks.
    /// </summary>
    public static ISignInConsole? SignInConsole { get; set; }

    /// <summary>Runs with these settings instead of loading them.</summary>
    public static void Use(ConformanceSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _loaded = new(Validate(() => settings));
    }

    private static Loaded Validate(Func<ConformanceSettings> load)
    {
        try
        {
            var settings = load();
            SettingsValidation.ThrowIfInvalid(settings);
            return new Loaded(settings, null);
        }
        catch (ConformanceConfigurationException misconfigured)
        {
            return new Loaded(null, misconfigured.Message);
        }
    }

    private sealed record Loaded(ConformanceSettings? Settings, string? Problem);
}
