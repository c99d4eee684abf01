using Klaviyo.OAuth.Conformance.Configuration;
using Klaviyo.OAuth.Conformance.Runner;
using Klaviyo.OAuth.Conformance.SignIn;

namespace Klaviyo.OAuth.Conformance.Suite.Support;

/// <summary>
/// The run's Conformance settings, validated: either usable settings or the problem that makes them
/// unusable. A host that builds them itself (the command-line tool) provides them in the run's
/// <see cref="RunContext"/>; otherwise (<c>dotnet test</c>) they are loaded from conformance.json at
/// the repository root and Conformance__* environment variables.
/// </summary>
public sealed class SuiteSettings
{
    private SuiteSettings(ConformanceSettings? current, string? problem, ISignInConsole? signInConsole)
    {
        Current = current;
        Problem = problem;
        SignInConsole = signInConsole;
    }

    /// <summary>The settings, or null when they are unusable (then <see cref="Problem"/> says why).</summary>
    public ConformanceSettings? Current { get; }

    /// <summary>What is wrong with the settings, in words that say what to fix; null when they are usable.</summary>
    public string? Problem { get; }

    /// <summary>
    /// Where the assisted sign-in asks a person: given by a host that can ask (the tool's <c>run --sign-in</c>);
    /// null under <c>dotnet test</c>, which never asks.
    /// </summary>
    public ISignInConsole? SignInConsole { get; }

    /// <summary>Settings a host built, validated.</summary>
    public static SuiteSettings Of(ConformanceSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return Validate(() => settings);
    }

    /// <summary>The same settings, with a console through which the assisted sign-in asks a person.</summary>
    public SuiteSettings AskingThrough(ISignInConsole signInConsole) => new(Current, Problem, signInConsole);

    /// <summary>The settings of <paramref name="context"/>'s host, or (none provided) those of the repository and the environment.</summary>
    public static SuiteSettings For(RunContext? context) => context?.Find<SuiteSettings>() ?? FromRepository();

    /// <summary>conformance.json at the repository root (found at run time) and Conformance__* environment variables.</summary>
    public static SuiteSettings FromRepository() =>
        Validate(() => ConformanceSettings.Load(RepositoryRoot.Find() ?? Directory.GetCurrentDirectory()));

    private static SuiteSettings Validate(Func<ConformanceSettings> load)
    {
        try
        {
            var settings = load();
            SettingsValidation.ThrowIfInvalid(settings);
            return new SuiteSettings(settings, null, null);
        }
        catch (ConformanceConfigurationException misconfigured)
        {
            return new SuiteSettings(null, misconfigured.Message, null);
        }
    }
}
