namespace Klaviyo.OAuth.Conformance.Configuration;

/// <summary>
/// Finds every misconfiguration before any scenario runs, each as one sentence that names the
/// setting as the user gave it (option, environment variable, key of the file), what is wrong and
/// how to fix it. A remote-only setting for the embedded target is an error: it would be ignored.
/// </summary>
public static class SettingsValidation
{
    public const int MaxTimeoutSeconds = 600;

    public const int MaxParallel = 256;

    /// <summary>Below this no error answer of the guide fits; above it the memory bound stops meaning much.</summary>
    public const int MinBodyBytes = 4096;

    public const int MaxBodyBytes = 64 * 1024 * 1024;

    public static IReadOnlyList<string> Problems(ConformanceSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var names = settings.Provenance;
        var problems = new List<string>();

        if (!settings.IsRemote && !settings.IsEmbedded)
        {
            problems.Add(
                $"{names.Name(SettingKeys.Target)} is '{settings.Target}', which is not a target{MeantTarget(settings.Target)}. Set it to 'embedded' (the in-process emulator, the default) or 'remote'{names.EnvironmentHint(SettingKeys.Target)}.");
        }

        if (settings.TimeoutSeconds is <= 0 or > MaxTimeoutSeconds)
        {
            problems.Add(
                $"{names.Name(SettingKeys.TimeoutSeconds)} is {settings.TimeoutSeconds}, but it must be between 1 and {MaxTimeoutSeconds}. Set it to the seconds one request may take, e.g. 10{names.EnvironmentHint(SettingKeys.TimeoutSeconds)}.");
        }

        if (settings.Parallel is < 1 or > MaxParallel)
        {
            problems.Add(
                $"{names.Name(SettingKeys.Parallel)} is {settings.Parallel}, but it must be between 1 and {MaxParallel}. Set it to how many scenarios may run at once, e.g. {ConformanceSettings.DefaultParallel} (1: one after another){names.EnvironmentHint(SettingKeys.Parallel)}.");
        }

        if (settings.MaxBodyBytes is < MinBodyBytes or > MaxBodyBytes)
        {
            problems.Add(
                $"{names.Name(SettingKeys.MaxBodyBytes)} is {settings.MaxBodyBytes}, but it must be between {MinBodyBytes} and {MaxBodyBytes}. Set it to the bytes of an answer the suite reads, e.g. 1048576{names.EnvironmentHint(SettingKeys.MaxBodyBytes)}.");
        }

        if (settings.IsRemote)
        {
            problems.AddRange(RemoteProblems(settings, names));
        }
        else if (settings.IsEmbedded && RemoteOnlyGiven(settings) is { Count: > 0 } ignored)
        {
            problems.Add(EmbeddedWithRemoteSettings(names, ignored));
        }

        if (settings.IsEmbedded && settings.SignIn)
        {
            problems.Add(
                $"{names.Name(SettingKeys.SignIn)} is on, but the target is the embedded emulator, which needs no sign-in (it provisions its own apps and tokens) and would ignore it. "
                + $"Set {names.Name(SettingKeys.ApiBaseUrl)} and {names.Name(SettingKeys.WebBaseUrl)} to sign in to a remote target, or remove {names.Name(SettingKeys.SignIn)}.");
        }

        if (ConformanceSettings.IsSet(settings.TrustedCertificate) && Http.TrustedCertificate.Problem(settings.TrustedCertificate!.Trim()) is { } unusable)
        {
            problems.Add($"{names.Name(SettingKeys.TrustedCertificate)}: {unusable}");
        }

        if (ConformanceSettings.IsSet(settings.Deviations))
        {
            try
            {
                settings.KnownDeviations();
            }
            catch (Deviations.DeviationsFileException bad)
            {
                problems.Add($"{names.Name(SettingKeys.Deviations)}: {bad.Message}");
            }
        }

        return problems;
    }

    /// <summary>Throws a <see cref="ConformanceConfigurationException"/> listing every problem, if there are any.</summary>
    public static void ThrowIfInvalid(ConformanceSettings settings)
    {
        var problems = Problems(settings);
        if (problems.Count > 0)
        {
            throw new ConformanceConfigurationException(problems);
        }
    }

    private static List<SettingKey> RemoteOnlyGiven(ConformanceSettings settings) =>
        SettingKeys.All.Where(k => k.IsRemoteOnly && settings.IsSet(k)).ToList();

    private static string EmbeddedWithRemoteSettings(SettingsProvenance names, List<SettingKey> ignored)
    {
        var given = string.Join(", ", ignored.Select(names.Name));
        var verb = ignored.Count == 1 ? "is" : "are";
        return names.SourceOf(SettingKeys.Target).Origin == SettingOrigin.Default
            ? $"{given} {verb} set, which only a remote target uses, but the target is the embedded emulator and would ignore {(ignored.Count == 1 ? "it" : "them")}. "
              + $"Set {names.Name(SettingKeys.ApiBaseUrl)} and {names.Name(SettingKeys.WebBaseUrl)}{names.EnvironmentHint(SettingKeys.ApiBaseUrl, SettingKeys.WebBaseUrl)} to test a remote target, or remove {given}."
            : $"{names.Name(SettingKeys.Target)} is 'embedded', but {given} {verb} set, which only a remote target uses. "
              + $"Remove {given}, or set {names.Name(SettingKeys.Target)} to 'remote'{names.EnvironmentHint(SettingKeys.Target)} to test that target.";
    }

    private static IEnumerable<string> RemoteProblems(ConformanceSettings settings, SettingsProvenance names)
    {
        var target = names.SourceOf(SettingKeys.Target) is { Origin: SettingOrigin.Implied } implied
            ? $"The target is remote ({implied.Typed} is set)"
            : $"{names.Name(SettingKeys.Target)} is 'remote'";
        var urls = new[]
        {
            (Key: SettingKeys.ApiBaseUrl, Value: settings.ApiBaseUrl, Required: true, What: "the API host", Example: "https://a.klaviyo.com"),
            (Key: SettingKeys.WebBaseUrl, Value: settings.WebBaseUrl, Required: true, What: "the web host", Example: "https://www.klaviyo.com"),
            (Key: SettingKeys.ControlUrl, Value: settings.ControlUrl, Required: false, What: "the base URL of an emulator-compatible control API", Example: "http://127.0.0.1:5080"),
        };
        foreach (var url in urls)
        {
            if (!ConformanceSettings.IsSet(url.Value))
            {
                if (url.Required)
                {
                    yield return $"{target} but {names.Name(url.Key)} is not set. Set it to {url.What}, e.g. {url.Example}{names.EnvironmentHint(url.Key)}.";
                }
            }
            else if (!IsHttpUrl(url.Value!))
            {
                // "127.0.0.1:5080" or "a.klaviyo.com": a host, its scheme left out.
                yield return IsHttpUrl("http://" + url.Value!.Trim()) && !url.Value.Contains("://", StringComparison.Ordinal) && url.Value.IndexOfAny(['.', ':']) > 0
                    ? $"{names.Name(url.Key)} is '{url.Value}', which has no scheme. Set it to http://{url.Value.Trim()} or https://{url.Value.Trim()}{names.EnvironmentHint(url.Key)}."
                    : $"{names.Name(url.Key)} is '{url.Value}', which is not an absolute http or https URL. Set it to {url.What}, e.g. {url.Example}{names.EnvironmentHint(url.Key)}.";
            }
        }

        var hasId = ConformanceSettings.IsSet(settings.ClientId);
        var hasSecret = ConformanceSettings.IsSet(settings.ClientSecret);
        if (hasId && !hasSecret)
        {
            yield return $"{names.Name(SettingKeys.ClientId)} is set but {names.Name(SettingKeys.ClientSecret)} is not. Set the app's client secret too{names.EnvironmentHint(SettingKeys.ClientSecret)}, or remove the client id.";
        }

        if (hasSecret && !hasId)
        {
            yield return $"{names.Name(SettingKeys.ClientSecret)} is set but {names.Name(SettingKeys.ClientId)} is not. Set the app's client id too{names.EnvironmentHint(SettingKeys.ClientId)}, or remove the secret.";
        }

        foreach (var (key, value) in new[] { (SettingKeys.RefreshToken, settings.RefreshToken), (SettingKeys.AccessToken, settings.AccessToken) })
        {
            if (ConformanceSettings.IsSet(value) && !(hasId && hasSecret))
            {
                yield return $"{names.Name(key)} is set but the app it was issued to is not: tokens are used with the app's credentials. Set {names.Name(SettingKeys.ClientId)} and {names.Name(SettingKeys.ClientSecret)}{names.EnvironmentHint(SettingKeys.ClientId, SettingKeys.ClientSecret)}, or remove the token.";
            }
        }

        if (ConformanceSettings.IsSet(settings.RedirectUri) && !IsRedirectUri(settings.RedirectUri!))
        {
            yield return $"{names.Name(SettingKeys.RedirectUri)} is '{settings.RedirectUri}', which is not an absolute URI without a fragment. Set it to a redirect URI registered for the app, e.g. https://app.example.com/oauth/callback{names.EnvironmentHint(SettingKeys.RedirectUri)}.";
        }
    }

    private static string MeantTarget(string typed) =>
        Suggestion.Nearest(typed, [ConformanceSettings.EmbeddedTarget, ConformanceSettings.RemoteTarget], t => t) is { } meant ? $" (did you mean '{meant}'?)" : string.Empty;

    internal static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && !string.IsNullOrEmpty(uri.Host);

    // RFC 6749 §3.1.2: an absolute URI that MUST NOT include a fragment; apps may use their own schemes.
    private static bool IsRedirectUri(string value) =>
        Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri)
        && !uri.IsFile
        && !value.Contains('#', StringComparison.Ordinal);
}
