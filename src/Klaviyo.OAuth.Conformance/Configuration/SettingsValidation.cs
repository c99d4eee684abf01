namespace Klaviyo.OAuth.Conformance.Configuration;

/// <summary>
/// Finds every misconfiguration before any scenario runs, each as one sentence that names the key,
/// what is wrong and how to fix it. For the embedded target the remote-only keys are ignored.
/// </summary>
public static class SettingsValidation
{
    public const int MaxTimeoutSeconds = 600;

    /// <summary>Below this no error answer of the guide fits; above it the memory bound stops meaning much.</summary>
    public const int MinBodyBytes = 4096;

    public const int MaxBodyBytes = 64 * 1024 * 1024;

    public static IReadOnlyList<string> Problems(ConformanceSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var problems = new List<string>();

        if (!settings.IsRemote && !settings.IsEmbedded)
        {
            problems.Add(
                $"Conformance:Target is '{settings.Target}', which is not a target. Set it to 'embedded' (the in-process emulator, the default) or 'remote' (environment: Conformance__Target).");
        }

        if (settings.TimeoutSeconds is <= 0 or > MaxTimeoutSeconds)
        {
            problems.Add(
                $"Conformance:TimeoutSeconds is {settings.TimeoutSeconds}, but it must be between 1 and {MaxTimeoutSeconds}. Set it to the seconds one request may take, e.g. 10 (environment: Conformance__TimeoutSeconds).");
        }

        if (settings.MaxBodyBytes is < MinBodyBytes or > MaxBodyBytes)
        {
            problems.Add(
                $"Conformance:MaxBodyBytes is {settings.MaxBodyBytes}, but it must be between {MinBodyBytes} and {MaxBodyBytes}. Set it to the bytes of an answer the suite reads, e.g. 1048576 (environment: Conformance__MaxBodyBytes).");
        }

        if (settings.IsRemote)
        {
            problems.AddRange(RemoteProblems(settings));
        }

        if (ConformanceSettings.IsSet(settings.Deviations))
        {
            try
            {
                settings.KnownDeviations();
            }
            catch (Deviations.DeviationsFileException bad)
            {
                problems.Add($"Conformance:Deviations: {bad.Message}");
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

    private static IEnumerable<string> RemoteProblems(ConformanceSettings settings)
    {
        var urls = new[]
        {
            (Key: nameof(ConformanceSettings.ApiBaseUrl), Value: settings.ApiBaseUrl, Required: true, What: "the API host", Example: "https://a.klaviyo.com"),
            (Key: nameof(ConformanceSettings.WebBaseUrl), Value: settings.WebBaseUrl, Required: true, What: "the web host", Example: "https://www.klaviyo.com"),
            (Key: nameof(ConformanceSettings.ControlUrl), Value: settings.ControlUrl, Required: false, What: "the base URL of an emulator-compatible control API", Example: "http://127.0.0.1:5080"),
        };
        foreach (var url in urls)
        {
            if (!ConformanceSettings.IsSet(url.Value))
            {
                if (url.Required)
                {
                    yield return $"Conformance:Target is 'remote' but Conformance:{url.Key} is not set. Set it to {url.What}, e.g. {url.Example} (environment: Conformance__{url.Key}).";
                }
            }
            else if (!IsHttpUrl(url.Value!))
            {
                yield return $"Conformance:{url.Key} is '{url.Value}', which is not an absolute http or https URL. Set it to {url.What}, e.g. {url.Example} (environment: Conformance__{url.Key}).";
            }
        }

        var hasId = ConformanceSettings.IsSet(settings.ClientId);
        var hasSecret = ConformanceSettings.IsSet(settings.ClientSecret);
        if (hasId && !hasSecret)
        {
            yield return "Conformance:ClientId is set but Conformance:ClientSecret is not. Set the app's client secret too (environment: Conformance__ClientSecret), or remove the client id.";
        }

        if (hasSecret && !hasId)
        {
            yield return "Conformance:ClientSecret is set but Conformance:ClientId is not. Set the app's client id too (environment: Conformance__ClientId), or remove the secret.";
        }

        foreach (var (key, value) in new[] { (nameof(ConformanceSettings.RefreshToken), settings.RefreshToken), (nameof(ConformanceSettings.AccessToken), settings.AccessToken) })
        {
            if (ConformanceSettings.IsSet(value) && !(hasId && hasSecret))
            {
                yield return $"Conformance:{key} is set but the app it was issued to is not: tokens are used with the app's credentials. Set Conformance:ClientId and Conformance:ClientSecret (environment: Conformance__ClientId, Conformance__ClientSecret), or remove the token.";
            }
        }

        if (ConformanceSettings.IsSet(settings.RedirectUri) && !IsRedirectUri(settings.RedirectUri!))
        {
            yield return $"Conformance:RedirectUri is '{settings.RedirectUri}', which is not an absolute URI without a fragment. Set it to a redirect URI registered for the app, e.g. https://app.example.com/oauth/callback (environment: Conformance__RedirectUri).";
        }
    }

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
