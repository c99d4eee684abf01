using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Klaviyo.OAuth.Conformance.Configuration;

/// <summary>
/// The configuration section <c>Conformance</c>: which target a run speaks to and what it may do
/// there. The property names are a public interface (conformance.json, <c>Conformance__Key</c>
/// environment variables); keep them.
/// </summary>
public sealed class ConformanceSettings
{
    public const string SectionName = "Conformance";

    /// <summary>The optional file at the repository root that holds the section; never committed.</summary>
    public const string FileName = "conformance.json";

    /// <summary>The commented example of the section, at the repository root and beside the tool's assemblies.</summary>
    public const string ExampleFileName = "conformance.example.json";

    /// <summary>
    /// The example as messages point to it: the one in the working folder (a clone) when there is one,
    /// else the copy beside the running assemblies (the installed tool, from any folder).
    /// </summary>
    public static string ExampleFile =>
        File.Exists(ExampleFileName) ? ExampleFileName
        : Path.Combine(AppContext.BaseDirectory, ExampleFileName) is var shipped && File.Exists(shipped) ? shipped
        : ExampleFileName;

    public const string EmbeddedTarget = "embedded";

    public const string RemoteTarget = "remote";

    /// <summary><c>embedded</c> (the default: the emulator in-process) or <c>remote</c>, case-insensitive.</summary>
    public string Target { get; set; } = EmbeddedTarget;

    /// <summary>Serves /oauth/token, /oauth/revoke and /api/ (Klaviyo: https://a.klaviyo.com).</summary>
    public string? ApiBaseUrl { get; set; }

    /// <summary>Serves /oauth/authorize and /oauth/client (Klaviyo: https://www.klaviyo.com).</summary>
    public string? WebBaseUrl { get; set; }

    /// <summary>Where an emulator-compatible control API lives (its routes are under /__control/); optional.</summary>
    public string? ControlUrl { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    public string? RedirectUri { get; set; }

    /// <summary>A refresh token obtained beforehand, for targets without a control API.</summary>
    public string? RefreshToken { get; set; }

    /// <summary>An access token obtained beforehand, for targets without a control API.</summary>
    public string? AccessToken { get; set; }

    /// <summary>Let scenarios revoke the configured tokens or exhaust their rate limit.</summary>
    public bool AllowDestructive { get; set; }

    /// <summary>Per request.</summary>
    public int TimeoutSeconds { get; set; } = 10;

    /// <summary>
    /// How much of each answer's body the suite reads (default 1 MiB, far above any answer the
    /// guide describes); a longer answer fails its scenario, with the prefix as evidence.
    /// </summary>
    public int MaxBodyBytes { get; set; } = DefaultMaxBodyBytes;

    public const int DefaultMaxBodyBytes = 1024 * 1024;

    /// <summary>
    /// How many scenarios the tool's run runs side by side: at internet distance a scenario mostly
    /// waits on round trips, so many run at once; 1 runs them one after another.
    /// </summary>
    public int Parallel { get; set; } = DefaultParallel;

    public const int DefaultParallel = 16;

    /// <summary>When true, failures of advisory (@rfc-*) behaviours fail the build too.</summary>
    public bool StrictAdvisory { get; set; }

    /// <summary>
    /// Let the suite play the app against a target without a control API: it prints an authorize URL,
    /// a person signs in to a test account and approves, and the redirect brings the code back. Only
    /// the tool's <c>run</c> asks (<c>--sign-in</c>); <c>dotnet test</c> never does.
    /// </summary>
    public bool SignIn { get; set; }
    /// <summary>A known-deviations file (a JSON array of <c>{id, reason, until?}</c>), relative to the working directory; optional.</summary>
    public string? Deviations { get; set; }

    /// <summary>When true, a listed behaviour that is satisfied (a deviation resolved) fails the build; otherwise it is a warning.</summary>
    public bool StrictDeviations { get; set; }

    /// <summary>
    /// A certificate (PEM or DER) that the target's HTTPS may chain to besides the system's trusted
    /// roots: the one <c>emulate --https</c> prints, or a staging gateway's own CA. The host name is still checked.
    /// </summary>
    public string? TrustedCertificate { get; set; }

    public bool IsRemote => string.Equals(Target?.Trim(), RemoteTarget, StringComparison.OrdinalIgnoreCase);

    public bool IsEmbedded => string.Equals(Target?.Trim(), EmbeddedTarget, StringComparison.OrdinalIgnoreCase);

    public TimeSpan Timeout => TimeSpan.FromSeconds(TimeoutSeconds);

    /// <summary>The <see cref="Deviations"/> file, read and checked against the catalogue; none when unset.</summary>
    /// <exception cref="Conformance.Deviations.DeviationsFileException">The file cannot be used; the message names the entry.</exception>
    public Conformance.Deviations.KnownDeviations KnownDeviations() => IsSet(Deviations)
        ? Conformance.Deviations.KnownDeviations.ForBehaviours(Deviations!.Trim(), StrictDeviations)
        : Conformance.Deviations.KnownDeviations.None;

    /// <summary>Where each setting came from; <see cref="SettingsProvenance.Unknown"/> for settings built in code.</summary>
    public SettingsProvenance Provenance { get; private set; } = SettingsProvenance.Unknown;

    /// <summary>Reads <see cref="FileName"/> at <paramref name="repositoryRoot"/> (if there is one), then environment variables, which win.</summary>
    public static ConformanceSettings Load(string repositoryRoot)
    {
        ArgumentException.ThrowIfNullOrEmpty(repositoryRoot);
        var (values, provenance) = SettingsReader.Read(Path.Combine(Path.GetFullPath(repositoryRoot), FileName), optional: true, [], optionsOffered: false);
        return Bind(values, provenance);
    }

    /// <summary>
    /// Reads <paramref name="jsonFile"/> (none: null), then environment variables, then the tool's
    /// <paramref name="options"/> (keys such as <c>Conformance:ApiBaseUrl</c>), each winning over the
    /// one before. Messages name a setting by its option unless the user gave it otherwise.
    /// </summary>
    public static ConformanceSettings Load(string? jsonFile, bool optional, IEnumerable<KeyValuePair<string, string?>> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var (values, provenance) = SettingsReader.Read(jsonFile, optional, options, optionsOffered: true);
        return Bind(values, provenance);
    }

    /// <summary>Binds the <c>Conformance</c> section of any configuration (absent: the defaults); an unknown key is an error.</summary>
    public static ConformanceSettings Load(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(SectionName);
        var unknown = section.GetChildren()
            .Where(c => !SettingKeys.IsComment(c.Key) && SettingKeys.Find(c.Key) is null)
            .Select(c => SettingsReader.Unknown($"{SectionName}:{c.Key}", c.Key, k => k.Path))
            .ToList();
        if (unknown.Count > 0)
        {
            throw new ConformanceConfigurationException(unknown);
        }

        var values = section.GetChildren()
            .Where(c => c.Value is not null && !SettingKeys.IsComment(c.Key))
            .ToDictionary(c => c.Key, c => c.Value!, StringComparer.OrdinalIgnoreCase);
        return Bind(values, SettingsProvenance.Unknown);
    }

    private static ConformanceSettings Bind(IReadOnlyDictionary<string, string> values, SettingsProvenance provenance)
    {
        // The binder would refuse these too, but in its own words and one at a time.
        var problems = new[]
        {
            Typed(values, provenance, SettingKeys.TimeoutSeconds, "a whole number of seconds, e.g. 10", v => int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)),
            Typed(values, provenance, SettingKeys.Parallel, "a whole number of scenarios, e.g. 16", v => int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)),
            Typed(values, provenance, SettingKeys.MaxBodyBytes, "a whole number of bytes, e.g. 1048576", v => int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)),
            Typed(values, provenance, SettingKeys.AllowDestructive, "true or false", v => bool.TryParse(v, out _)),
            Typed(values, provenance, SettingKeys.StrictAdvisory, "true or false", v => bool.TryParse(v, out _)),
            Typed(values, provenance, SettingKeys.SignIn, "true or false", v => bool.TryParse(v, out _)),
            Typed(values, provenance, SettingKeys.StrictDeviations, "true or false", v => bool.TryParse(v, out _)),
        }.OfType<string>().ToArray();
        if (problems.Length > 0)
        {
            throw new ConformanceConfigurationException(problems);
        }

        var settings = new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>($"{SectionName}:{v.Key}", v.Value)))
            .Build()
            .GetSection(SectionName)
            .Get<ConformanceSettings>() ?? new ConformanceSettings();
        settings.Provenance = provenance;
        return settings;
    }

    /// <summary>Every setting on one line, with secrets only said to be set or not.</summary>
    public string Describe() =>
        "Conformance: " + string.Join(", ", SettingKeys.All.Select(k => $"{k.Name}={Shown(k)}"));

    /// <summary>The setting's value as a person may see it: a secret only as "set" or "not set".</summary>
    public string Shown(SettingKey key)
    {
        var text = Text(key);
        return key.IsSecret ? (IsSet(text) ? "set" : "not set") : IsSet(text) ? text! : "(not set)";
    }

    /// <summary>Whether the setting has a value other than nothing or blanks.</summary>
    public bool IsSet(SettingKey key) => IsSet(Text(key));

    private string? Text(SettingKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return typeof(ConformanceSettings).GetProperty(key.Name)!.GetValue(this) switch
        {
            bool on => on ? "true" : "false",
            IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
            var value => value as string,
        };
    }

    public override string ToString() => Describe();

    private static string? Typed(IReadOnlyDictionary<string, string> values, SettingsProvenance provenance, SettingKey key, string expected, Func<string, bool> parses) =>
        values.TryGetValue(key.Name, out var value) && !parses(value.Trim())
            ? $"{provenance.Name(key)} is '{value}', which is not {expected}."
            : null;

    internal static bool IsSet(string? value) => !string.IsNullOrWhiteSpace(value);

    /// <summary>A URL key as a <see cref="Uri"/>; call after validation, which reports a missing or malformed one properly.</summary>
    internal static Uri Url(string? value, string key) =>
        IsSet(value) && Uri.TryCreate(value!.Trim(), UriKind.Absolute, out var uri)
            ? uri
            : throw new ConformanceConfigurationException($"Conformance:{key} is not an absolute URL (environment: Conformance__{key}).");
}
