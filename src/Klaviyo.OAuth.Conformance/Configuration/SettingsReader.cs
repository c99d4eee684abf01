using System.Collections;
using System.Text.Json;
using Klaviyo.OAuth.Guide;

namespace Klaviyo.OAuth.Conformance.Configuration;

/// <summary>
/// Reads the <c>Conformance</c> settings from a file, then <c>Conformance__*</c> environment
/// variables, then the tool's options, each winning over the one before, and records where each
/// came from. Strict: an unknown key, a file without the section or of another JSON shape is an
/// error that names the key and the nearest known one. Keys starting with '_' are comments. A URL of
/// a remote host makes the target remote unless the target is given.
/// </summary>
internal static class SettingsReader
{
    private const string EnvironmentPrefix = ConformanceSettings.SectionName + "__";

    private static readonly JsonDocumentOptions Lenient = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    public static (Dictionary<string, string> Values, SettingsProvenance Provenance) Read(
        string? jsonFile, bool optional, IEnumerable<KeyValuePair<string, string?>> options, bool optionsOffered)
    {
        var problems = new List<string>();
        var given = new Dictionary<string, (string Value, SettingSource Source)>(StringComparer.OrdinalIgnoreCase);
        if (jsonFile is not null)
        {
            FromFile(jsonFile, optional, given, problems);
        }

        FromEnvironment(given, problems);
        FromOptions(options, given, problems);
        if (problems.Count > 0)
        {
            throw new ConformanceConfigurationException(problems);
        }

        var sources = given.ToDictionary(g => g.Key, g => g.Value.Source, StringComparer.OrdinalIgnoreCase);
        var values = given.ToDictionary(g => g.Key, g => g.Value.Value, StringComparer.OrdinalIgnoreCase);
        var provenance = new SettingsProvenance(sources, optionsOffered);
        if (!given.ContainsKey(SettingKeys.Target.Name)
            && new[] { SettingKeys.ApiBaseUrl, SettingKeys.WebBaseUrl }.FirstOrDefault(k => given.ContainsKey(k.Name)) is { } url)
        {
            values[SettingKeys.Target.Name] = ConformanceSettings.RemoteTarget;
            sources[SettingKeys.Target.Name] = new SettingSource(SettingOrigin.Implied, provenance.Name(url));
            provenance = new SettingsProvenance(sources, optionsOffered);
        }

        return (values, provenance);
    }

    private static void FromFile(string jsonFile, bool optional, Dictionary<string, (string, SettingSource)> given, List<string> problems)
    {
        var path = Path.GetFullPath(jsonFile);
        if (Directory.Exists(path))
        {
            throw Refused($"{jsonFile} is a folder. Give the path of a settings file (see {ConformanceSettings.ExampleFile}).");
        }

        if (!File.Exists(path))
        {
            if (optional)
            {
                return;
            }

            throw Refused($"{jsonFile} does not exist. Give the path of a settings file (see {ConformanceSettings.ExampleFile}).");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllBytes(path), Lenient);
        }
        catch (JsonException e)
        {
            throw Refused($"{jsonFile} is not valid JSON{JsonParseProblem.Where(e)}: {JsonParseProblem.Why(e)} Fix the file{(optional ? " or remove it" : string.Empty)} (see {ConformanceSettings.ExampleFile}).");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw Refused(
                    $"{jsonFile} holds {Shape(root)}, but a settings file is an object with a Conformance section: {{ \"Conformance\": {{ \"ApiBaseUrl\": \"…\" }} }} (see {ConformanceSettings.ExampleFile}).");
            }

            var section = root.EnumerateObject().Where(p => string.Equals(p.Name, ConformanceSettings.SectionName, StringComparison.OrdinalIgnoreCase)).ToList();
            if (section.Count == 0)
            {
                throw Refused(NoSection(jsonFile, root));
            }

            if (section[^1].Value.ValueKind != JsonValueKind.Object)
            {
                throw Refused(
                    $"{jsonFile}: Conformance holds {Shape(section[^1].Value)}, but it must be an object of settings: {{ \"Conformance\": {{ \"ApiBaseUrl\": \"…\" }} }} (see {ConformanceSettings.ExampleFile}).");
            }

            foreach (var setting in section[^1].Value.EnumerateObject().Where(p => !SettingKeys.IsComment(p.Name)))
            {
                var fileName = Path.GetFileName(jsonFile);
                if (SettingKeys.Find(setting.Name) is not { } key)
                {
                    problems.Add(Unknown($"{setting.Name} in {fileName}", setting.Name, k => k.Name) + " (Keys starting with _ are comments.)");
                }
                else if (Scalar(setting.Value) is { } value)
                {
                    // A file named in a settings file is beside it, wherever the run starts.
                    var resolved = key.IsPath && value.Length > 0 && !Path.IsPathRooted(value) ? Path.Combine(Path.GetDirectoryName(path)!, value) : value;
                    Give(given, key, resolved, new SettingSource(SettingOrigin.File, setting.Name, path));
                }
                else if (setting.Value.ValueKind != JsonValueKind.Null)
                {
                    problems.Add($"{setting.Name} in {fileName} holds {Shape(setting.Value)}, but it must be {(key.IsSwitch ? "true or false" : "a string or a number")}.");
                }
            }
        }
    }

    private static void FromEnvironment(Dictionary<string, (string, SettingSource)> given, List<string> problems)
    {
        var all = Environment.GetEnvironmentVariables().Cast<DictionaryEntry>()
            .Select(e => (Name: (string)e.Key, Value: e.Value as string))
            .OrderBy(e => e.Name, StringComparer.Ordinal)
            .ToList();
        // Conformance_ApiBaseUrl (one underscore) would be ignored without a word.
        foreach (var (name, _) in all.Where(e => e.Name.StartsWith(ConformanceSettings.SectionName, StringComparison.OrdinalIgnoreCase)
                     && !e.Name.StartsWith(EnvironmentPrefix, StringComparison.OrdinalIgnoreCase)))
        {
            if (SettingKeys.Find(name[ConformanceSettings.SectionName.Length..].TrimStart('_', '.', '-')) is { } meant)
            {
                problems.Add($"The environment variable {name} is not read: name it {meant.EnvironmentVariable} (two underscores).");
            }
        }

        foreach (var (name, value) in all.Where(e => e.Name.StartsWith(EnvironmentPrefix, StringComparison.OrdinalIgnoreCase)))
        {
            var keyName = name[EnvironmentPrefix.Length..];
            if (SettingKeys.IsComment(keyName))
            {
                continue;
            }

            if (SettingKeys.Find(keyName) is not { } key)
            {
                problems.Add(Unknown($"The environment variable {name}", keyName, k => k.EnvironmentVariable));
            }
            else if (value is not null)
            {
                Give(given, key, value, new SettingSource(SettingOrigin.Environment, name));
            }
        }
    }

    private static void FromOptions(IEnumerable<KeyValuePair<string, string?>> options, Dictionary<string, (string, SettingSource)> given, List<string> problems)
    {
        foreach (var (path, value) in options)
        {
            var name = path.StartsWith(ConformanceSettings.SectionName + ":", StringComparison.OrdinalIgnoreCase) ? path[(ConformanceSettings.SectionName.Length + 1)..] : path;
            if (SettingKeys.Find(name) is not { } key)
            {
                problems.Add(Unknown(path, name, k => k.Option ?? k.Path));
            }
            else if (value is not null)
            {
                Give(given, key, value, new SettingSource(SettingOrigin.Option, key.Option ?? key.Path));
            }
        }
    }

    private static ConformanceConfigurationException Refused(string problem) => new([problem]);

    // An empty value is no value: CI templates and the example file leave keys empty.
    private static void Give(Dictionary<string, (string, SettingSource)> given, SettingKey key, string value, SettingSource source)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            given[key.Name] = (value, source);
        }
    }

    internal static string Unknown(string subject, string typed, Func<SettingKey, string> spelled) =>
        SettingKeys.Nearest(typed) is { } nearest
            ? $"{subject} is not a setting: did you mean {spelled(nearest)}?"
            : $"{subject} is not a setting. The settings are {string.Join(", ", SettingKeys.All.Select(spelled))}.";

    private static string NoSection(string jsonFile, JsonElement root)
    {
        var names = root.EnumerateObject().Select(p => p.Name).Where(n => !SettingKeys.IsComment(n)).ToList();
        var misspelt = names.FirstOrDefault(n => Suggestion.Nearest(n, [ConformanceSettings.SectionName], s => s) is not null);
        var flat = names.Where(n => SettingKeys.Find(n) is not null).ToList();
        var message = $"{jsonFile} has no Conformance section, so none of its settings would be used.";
        if (misspelt is not null)
        {
            message += $" It has {misspelt}: did you mean Conformance?";
        }
        else if (flat.Count > 0)
        {
            message += $" Put {string.Join(", ", flat)} inside it:";
        }

        return message + $" {{ \"Conformance\": {{ \"ApiBaseUrl\": \"…\" }} }} (see {ConformanceSettings.ExampleFile}).";
    }

    private static string? Scalar(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => null,
    };

    private static string Shape(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.Null => "null",
        _ => "true or false",
    };
}
