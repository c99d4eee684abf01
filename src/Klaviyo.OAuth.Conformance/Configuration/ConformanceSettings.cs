using System.Globalization;
using System.Text;
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

    /// <summary>When true, failures of advisory (@rfc-*) behaviours fail the build too.</summary>
    public bool StrictAdvisory { get; set; }

    /// <summary>A known-deviations file (a JSON array of <c>{id, reason, until?}</c>), relative to the working directory; optional.</summary>
    public string? Deviations { get; set; }

    /// <summary>When true, a listed behaviour that is satisfied (a deviation resolved) fails the build; otherwise it is a warning.</summary>
    public bool StrictDeviations { get; set; }

    public bool IsRemote => string.Equals(Target?.Trim(), RemoteTarget, StringComparison.OrdinalIgnoreCase);

    public bool IsEmbedded => string.Equals(Target?.Trim(), EmbeddedTarget, StringComparison.OrdinalIgnoreCase);

    public TimeSpan Timeout => TimeSpan.FromSeconds(TimeoutSeconds);

    /// <summary>The <see cref="Deviations"/> file, read and checked against the catalogue; none when unset.</summary>
    /// <exception cref="Conformance.Deviations.DeviationsFileException">The file cannot be used; the message names the entry.</exception>
    public Conformance.Deviations.KnownDeviations KnownDeviations() => IsSet(Deviations)
        ? Conformance.Deviations.KnownDeviations.ForBehaviours(Deviations!.Trim(), StrictDeviations)
        : Conformance.Deviations.KnownDeviations.None;

    /// <summary>Reads <see cref="FileName"/> at <paramref name="repositoryRoot"/> (if there is one), then environment variables, which win.</summary>
    public static ConformanceSettings Load(string repositoryRoot)
    {
        ArgumentException.ThrowIfNullOrEmpty(repositoryRoot);
        return Load(Path.Combine(Path.GetFullPath(repositoryRoot), FileName), optional: true, []);
    }

    /// <summary>
    /// Reads <paramref name="jsonFile"/>, then environment variables, then <paramref name="overrides"/>
    /// (keys such as <c>Conformance:ApiBaseUrl</c>), each winning over the one before.
    /// </summary>
    public static ConformanceSettings Load(string jsonFile, bool optional, IEnumerable<KeyValuePair<string, string?>> overrides)
    {
        ArgumentException.ThrowIfNullOrEmpty(jsonFile);
        IConfiguration configuration;
        try
        {
            configuration = new ConfigurationBuilder()
                .AddJsonFile(Path.GetFullPath(jsonFile), optional, reloadOnChange: false)
                .AddEnvironmentVariables()
                .AddInMemoryCollection(overrides)
                .Build();
        }
        catch (FileNotFoundException e)
        {
            throw new ConformanceConfigurationException($"{jsonFile} does not exist. Give the path of a settings file (see conformance.example.json).", e);
        }
        catch (Exception e) when (e is InvalidDataException or FormatException)
        {
            throw new ConformanceConfigurationException($"{jsonFile} is not valid JSON: {e.InnerException?.Message ?? e.Message} Fix the file or remove it.", e);
        }

        return Load(configuration);
    }

    /// <summary>Binds the <c>Conformance</c> section of any configuration (absent: the defaults).</summary>
    public static ConformanceSettings Load(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(SectionName);
        // The binder would refuse these too, but in its own words and one at a time.
        var problems = new[]
        {
            Typed(section, nameof(TimeoutSeconds), "a whole number of seconds, e.g. 10", v => int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)),
            Typed(section, nameof(MaxBodyBytes), "a whole number of bytes, e.g. 1048576", v => int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)),
            Typed(section, nameof(AllowDestructive), "true or false", v => bool.TryParse(v, out _)),
            Typed(section, nameof(StrictAdvisory), "true or false", v => bool.TryParse(v, out _)),
            Typed(section, nameof(StrictDeviations), "true or false", v => bool.TryParse(v, out _)),
        }.OfType<string>().ToArray();
        if (problems.Length > 0)
        {
            throw new ConformanceConfigurationException(problems);
        }

        return section.Get<ConformanceSettings>() ?? new ConformanceSettings();
    }

    /// <summary>Every setting, with secrets only said to be set or not.</summary>
    public string Describe()
    {
        var text = new StringBuilder("Conformance: ");
        text.Append(CultureInfo.InvariantCulture, $"Target={Target}");
        Plain(text, nameof(ApiBaseUrl), ApiBaseUrl);
        Plain(text, nameof(WebBaseUrl), WebBaseUrl);
        Plain(text, nameof(ControlUrl), ControlUrl);
        Plain(text, nameof(ClientId), ClientId);
        Secret(text, nameof(ClientSecret), ClientSecret);
        Plain(text, nameof(RedirectUri), RedirectUri);
        Secret(text, nameof(RefreshToken), RefreshToken);
        Secret(text, nameof(AccessToken), AccessToken);
        text.Append(CultureInfo.InvariantCulture, $", AllowDestructive={AllowDestructive}, TimeoutSeconds={TimeoutSeconds}, MaxBodyBytes={MaxBodyBytes}, StrictAdvisory={StrictAdvisory}");
        Plain(text, nameof(Deviations), Deviations);
        text.Append(CultureInfo.InvariantCulture, $", StrictDeviations={StrictDeviations}");
        return text.ToString();
    }

    public override string ToString() => Describe();

    private static string? Typed(IConfigurationSection section, string key, string expected, Func<string, bool> parses) =>
        section[key] is { } value && !parses(value.Trim())
            ? $"Conformance:{key} is '{value}', which is not {expected}. Fix it in {FileName} or the environment variable Conformance__{key}."
            : null;

    internal static bool IsSet(string? value) => !string.IsNullOrWhiteSpace(value);

    /// <summary>A URL key as a <see cref="Uri"/>; call after validation, which reports a missing or malformed one properly.</summary>
    internal static Uri Url(string? value, string key) =>
        IsSet(value) && Uri.TryCreate(value!.Trim(), UriKind.Absolute, out var uri)
            ? uri
            : throw new ConformanceConfigurationException($"Conformance:{key} is not an absolute URL (environment: Conformance__{key}).");

    private static void Plain(StringBuilder text, string name, string? value) =>
        text.Append(", ").Append(name).Append('=').Append(IsSet(value) ? value : "(not set)");

    private static void Secret(StringBuilder text, string name, string? value) =>
        text.Append(", ").Append(name).Append('=').Append(IsSet(value) ? "set" : "not set");
}
