namespace Klaviyo.OAuth.Conformance.Configuration;

/// <summary>
/// One key of the <c>Conformance</c> section, with every name a user may give it: the key in a
/// settings file, the environment variable <c>Conformance__Key</c> and the tool's option.
/// </summary>
/// <param name="Name">The key, as in conformance.json; a property of <see cref="ConformanceSettings"/>.</param>
/// <param name="Option">The tool's option (<c>--api-url</c>); null when the key has none.</param>
/// <param name="Description">What the value is, for help texts.</param>
/// <param name="IsSecret">Shown only as "set" or "not set".</param>
/// <param name="IsRemoteOnly">Means something only for a remote target.</param>
/// <param name="IsSwitch">true or false; an option without a value sets it to true.</param>
/// <param name="ValueName">What the option's value is, as its help shows it (<c>--api-url &lt;url&gt;</c>).</param>
/// <param name="IsPath">A file's path: in a settings file, relative to that file's folder.</param>
public sealed record SettingKey(string Name, string? Option, string Description, bool IsSecret = false, bool IsRemoteOnly = false, bool IsSwitch = false, string? ValueName = null, bool IsPath = false)
{
    public string EnvironmentVariable => ConformanceSettings.SectionName + "__" + Name;

    /// <summary>The key's path in a configuration: <c>Conformance:Name</c>.</summary>
    public string Path => ConformanceSettings.SectionName + ":" + Name;
}

/// <summary>The keys of the <c>Conformance</c> section, in the order a description lists them.</summary>
public static class SettingKeys
{
    public static readonly SettingKey Target = new(nameof(ConformanceSettings.Target), "--target", "embedded (default) or remote", ValueName: "embedded|remote");

    public static readonly SettingKey ApiBaseUrl = new(nameof(ConformanceSettings.ApiBaseUrl), "--api-url", "the API host's base URL (as https://a.klaviyo.com); implies a remote target", IsRemoteOnly: true, ValueName: "url");

    public static readonly SettingKey WebBaseUrl = new(nameof(ConformanceSettings.WebBaseUrl), "--web-url", "the web host's base URL (as https://www.klaviyo.com); implies a remote target", IsRemoteOnly: true, ValueName: "url");

    public static readonly SettingKey ControlUrl = new(nameof(ConformanceSettings.ControlUrl), "--control-url", "base URL of an emulator-compatible control API (/__control/)", IsRemoteOnly: true, ValueName: "url");

    public static readonly SettingKey ClientId = new(nameof(ConformanceSettings.ClientId), "--client-id", "a registered app's client id", IsRemoteOnly: true, ValueName: "id");

    public static readonly SettingKey ClientSecret = new(nameof(ConformanceSettings.ClientSecret), "--client-secret", "that app's client secret", IsSecret: true, IsRemoteOnly: true, ValueName: "secret");

    public static readonly SettingKey RedirectUri = new(nameof(ConformanceSettings.RedirectUri), "--redirect-uri", "that app's registered redirect URI", IsRemoteOnly: true, ValueName: "uri");

    public static readonly SettingKey RefreshToken = new(nameof(ConformanceSettings.RefreshToken), "--refresh-token", "a refresh token obtained beforehand", IsSecret: true, IsRemoteOnly: true, ValueName: "token");

    public static readonly SettingKey AccessToken = new(nameof(ConformanceSettings.AccessToken), "--access-token", "an access token obtained beforehand", IsSecret: true, IsRemoteOnly: true, ValueName: "token");

    public static readonly SettingKey AllowDestructive = new(nameof(ConformanceSettings.AllowDestructive), "--allow-destructive", "allow scenarios that revoke the configured tokens", IsSwitch: true);

    public static readonly SettingKey TimeoutSeconds = new(nameof(ConformanceSettings.TimeoutSeconds), "--timeout-seconds", "per-request timeout (default 10)", ValueName: "seconds");

    public static readonly SettingKey Parallel = new(nameof(ConformanceSettings.Parallel), "--parallel", $"how many scenarios the tool's run runs side by side (default {ConformanceSettings.DefaultParallel}); scenarios that share a configured token run one after another", ValueName: "n");

    public static readonly SettingKey MaxBodyBytes = new(nameof(ConformanceSettings.MaxBodyBytes), null, "how much of each answer the suite reads (default 1048576)");

    public static readonly SettingKey StrictAdvisory = new(nameof(ConformanceSettings.StrictAdvisory), "--strict-advisory", "advisory (@rfc-*) behaviours not met also fail", IsSwitch: true);

    public static readonly SettingKey SignIn = new(
        nameof(ConformanceSettings.SignIn),
        "--sign-in",
        "against a target without a control API, ask a person to approve the app in a browser for each approval the scenarios need (the tool's run only; dotnet test never asks); destructive checks then use the sign-in's own tokens, revoked at the end",
        IsSwitch: true);


    public static readonly SettingKey Deviations = new(nameof(ConformanceSettings.Deviations), "--deviations", "a known-deviations file: a JSON array of {id, reason, until?}; a listed behaviour that is not met is reported as a known deviation and does not fail", ValueName: "file", IsPath: true);

    public static readonly SettingKey StrictDeviations = new(nameof(ConformanceSettings.StrictDeviations), "--strict-deviations", "a listed behaviour that is satisfied (deviation resolved) fails instead of warning", IsSwitch: true);

    public static readonly SettingKey TrustedCertificate = new(nameof(ConformanceSettings.TrustedCertificate), "--trust-certificate", "a certificate file (PEM or DER) the target's HTTPS may chain to besides the system's roots, e.g. the one 'emulate --https' prints; the host name is still checked", IsRemoteOnly: true, ValueName: "file", IsPath: true);

    public static readonly IReadOnlyList<SettingKey> All =
        [Target, ApiBaseUrl, WebBaseUrl, ControlUrl, ClientId, ClientSecret, RedirectUri, RefreshToken, AccessToken, AllowDestructive, SignIn, TimeoutSeconds, Parallel, MaxBodyBytes, StrictAdvisory, Deviations, StrictDeviations, TrustedCertificate];

    /// <summary>The key of that name, whatever its case (configuration keys are case-insensitive); null when there is none.</summary>
    public static SettingKey? Find(string name) =>
        All.FirstOrDefault(k => string.Equals(k.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Keys starting with '_' are comments in a settings file.</summary>
    public static bool IsComment(string name) => name.StartsWith('_');

    /// <summary>The known key closest to a misspelled one (<c>ControlURI</c>: ControlUrl), or null when none is close.</summary>
    public static SettingKey? Nearest(string typed) => Suggestion.Nearest(typed, All, k => k.Name);
}
