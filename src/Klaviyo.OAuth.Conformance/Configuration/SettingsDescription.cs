namespace Klaviyo.OAuth.Conformance.Configuration;

/// <summary>
/// The first lines of a run: what is tested (the embedded emulator, or the URLs) and where each
/// setting came from (file, environment, option). Secrets appear only as "set".
/// </summary>
public static class SettingsDescription
{
    public static IReadOnlyList<string> Lines(ConformanceSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var lines = new List<string> { Tested(settings) };
        var provenance = settings.Provenance;
        var given = SettingKeys.All.Where(k => provenance.SourceOf(k).Origin != SettingOrigin.Default).ToList();
        if (given.Count > 0)
        {
            var width = given.Max(k => k.Name.Length);
            lines.Add("Settings:");
            lines.AddRange(given.Select(k => $"  {k.Name.PadRight(width)}  {settings.Shown(k)}  ({provenance.SourceOf(k)})"));
        }

        var defaults = SettingKeys.All.Where(k => !given.Contains(k) && !(k.IsRemoteOnly && settings.IsEmbedded)).ToList();
        if (defaults.Count > 0)
        {
            lines.Add("Defaults: " + string.Join(", ", defaults.Select(k => $"{k.Name}={settings.Shown(k)}")));
        }

        return lines;
    }

    /// <summary>"Testing the embedded emulator…" or "Testing the remote target at API …, web …".</summary>
    public static string Tested(ConformanceSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!settings.IsRemote)
        {
            return "Testing the embedded emulator (started in this process; no remote endpoint is called).";
        }

        var control = ConformanceSettings.IsSet(settings.ControlUrl) ? $", control API {settings.ControlUrl}" : ", no control API";
        return $"Testing the remote target: API {settings.Shown(SettingKeys.ApiBaseUrl)}, web {settings.Shown(SettingKeys.WebBaseUrl)}{control}.";
    }
}
