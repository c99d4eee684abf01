namespace Klaviyo.OAuth.Conformance.Configuration;

/// <summary>
/// Where each setting of a run came from, so that a message names a setting as the user writes it:
/// an option for an option, an environment variable for an environment variable, the key of the
/// file for the file. A setting nobody set is named the way the user sets the others: by its option
/// in the tool, else as they configured the rest, else by its key and environment variable.
/// </summary>
public sealed class SettingsProvenance
{
    /// <summary>Nothing known (settings built in code): keys are named <c>Conformance:Key</c>.</summary>
    public static readonly SettingsProvenance Unknown = new(new Dictionary<string, SettingSource>(), optionsOffered: false);

    private readonly Dictionary<string, SettingSource> _sources;

    public SettingsProvenance(IReadOnlyDictionary<string, SettingSource> sources, bool optionsOffered)
    {
        ArgumentNullException.ThrowIfNull(sources);
        _sources = new Dictionary<string, SettingSource>(sources, StringComparer.OrdinalIgnoreCase);
        OptionsOffered = optionsOffered;
    }

    /// <summary>The settings came through the tool, whose options can set any key that has one.</summary>
    public bool OptionsOffered { get; }

    public SettingSource SourceOf(SettingKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return _sources.GetValueOrDefault(key.Name, SettingSource.Default);
    }

    /// <summary>How a message names the key: <c>--web-url</c>, <c>Conformance__WebBaseUrl</c>, <c>WebBaseUrl in conformance.json</c>, <c>Conformance:WebBaseUrl</c>.</summary>
    public string Name(SettingKey key)
    {
        var source = SourceOf(key);
        return source.Origin switch
        {
            SettingOrigin.Option or SettingOrigin.Environment => source.Typed,
            SettingOrigin.File => $"{source.Typed} in {Path.GetFileName(source.File)}",
            _ => NameUnset(key),
        };
    }

    /// <summary>
    /// Where nothing says how the user configures (keys named <c>Conformance:Key</c>), the environment
    /// variables too: " (environment: Conformance__ClientId)"; else nothing.
    /// </summary>
    public string EnvironmentHint(params SettingKey[] keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        return keys.Length > 0 && Name(keys[0]) == keys[0].Path
            ? $" (environment: {string.Join(", ", keys.Select(k => k.EnvironmentVariable))})"
            : string.Empty;
    }

    private string NameUnset(SettingKey key)
    {
        if (OptionsOffered && key.Option is not null)
        {
            return key.Option;
        }

        var given = _sources.Values.Where(s => s.Origin is SettingOrigin.Environment or SettingOrigin.File or SettingOrigin.Option).ToList();
        if (given.Any(s => s.Origin == SettingOrigin.Environment))
        {
            return key.EnvironmentVariable;
        }

        return given.FirstOrDefault(s => s.Origin == SettingOrigin.File) is { } file
            ? $"{key.Name} in {Path.GetFileName(file.File)}"
            : key.Path;
    }
}
