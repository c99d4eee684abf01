using System.CommandLine;
using Klaviyo.OAuth.Guide;
using Klaviyo.OAuth.Conformance.Configuration;
using Klaviyo.OAuth.Conformance.Runner;
using Klaviyo.OAuth.Conformance.SignIn;
using Klaviyo.OAuth.Conformance.Suite.Support;

namespace Klaviyo.OAuth.Conformance.Tool;

/// <summary>
/// <c>run</c>: the catalogue's scenarios (shipped inside the tool) against the embedded emulator or a
/// remote target. Conformance settings come from <c>--config</c>, then <c>Conformance__*</c>
/// environment variables, then options, each winning over the one before.
/// </summary>
internal static class RunCommand
{
    public static readonly string[] Examples =
    [
        "run",
        "run --filter \"Category=documented&Category!=needs-clock\" --out reports/documented",
        "run --api-url http://127.0.0.1:5080 --web-url http://127.0.0.1:5081 --control-url http://127.0.0.1:5080",
    ];

    public static Command Create(IToolConsole console)
    {
        var config = new Option<string?>("--config") { Description = $"a JSON settings file with a Conformance section (see {ConformanceSettings.ExampleFile})", HelpName = "file" };
        var outFolder = OutputFolder.Option("where to write the reports (default ./reports)");
        var filter = new Option<string?>("--filter") { HelpName = "expression", Description = "scenarios to run, in dotnet test --filter syntax over tags, e.g. \"Category=documented&Category!=needs-clock\"" };
        var allowDestructive = new Option<bool>(SettingKeys.AllowDestructive.Option!) { Description = SettingKeys.AllowDestructive.Description };
        var strictAdvisory = new Option<bool>(SettingKeys.StrictAdvisory.Option!) { Description = SettingKeys.StrictAdvisory.Description + " (exit code 1)" };
        var signIn = new Option<bool>(SettingKeys.SignIn.Option!) { Description = SettingKeys.SignIn.Description };
        var strictDeviations = new Option<bool>(SettingKeys.StrictDeviations.Option!) { Description = SettingKeys.StrictDeviations.Description + " (exit code 1)" };
        // String-valued, so the settings' own validation speaks about them, naming the option.
        var keyed = SettingKeys.All.Where(k => k.Option is not null && !k.IsSwitch)
            .Select(k => (Key: k.Name, Option: new Option<string?>(k.Option!) { Description = k.Description, HelpName = k.ValueName })).ToList();

        var command = new Command("run", "Runs the conformance catalogue against the embedded emulator or your endpoint and writes the reports.")
        {
            config, outFolder, filter, allowDestructive, strictAdvisory, signIn, strictDeviations,
        };
        keyed.ForEach(k => command.Options.Add(k.Option));
        command.SetAction(async (result, _) =>
        {
            var overrides = keyed
                .Select(k => (k.Key, Value: result.GetValue(k.Option)))
                .Where(k => k.Value is not null)
                .ToDictionary(k => $"{ConformanceSettings.SectionName}:{k.Key}", k => k.Value);
            if (result.GetValue(allowDestructive))
            {
                overrides[Key(nameof(ConformanceSettings.AllowDestructive))] = "true";
            }

            if (result.GetValue(strictAdvisory))
            {
                overrides[Key(nameof(ConformanceSettings.StrictAdvisory))] = "true";
            }

            if (result.GetValue(signIn))
            {
                overrides[Key(nameof(ConformanceSettings.SignIn))] = "true";
            }

            if (result.GetValue(strictDeviations))
            {
                overrides[Key(nameof(ConformanceSettings.StrictDeviations))] = "true";
            }

            return await RunAsync(result.GetValue(config), overrides, result.GetValue(filter), result.GetValue(outFolder), console);
        });
        return command;
    }

    /// <summary>Keeps the end of the run for this command to draw, once the live display has closed.</summary>
    private sealed class CapturedSummary : IRunSummary
    {
        public WrittenReports? Written { get; private set; }

        public void Summarise(WrittenReports reports) => Written = reports;
    }

    /// <summary>": no scenario is tagged 'documneted' (did you mean 'documented'?)" for each tag the filter names that no scenario has.</summary>
    private static string UnknownTags(TagFilter filter, IReadOnlyList<FeatureFile> features)
    {
        var tags = features.SelectMany(f => f.Scenarios).SelectMany(s => s.AllTags).Select(t => t.TrimStart('@')).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var unknown = filter.NamedTags.Where(t => !tags.Contains(t)).Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(t => Suggestion.Nearest(t, tags, k => k) is { } nearest ? $"'{t}' (did you mean '{nearest}'?)" : $"'{t}'")
            .ToList();
        return unknown.Count == 0 ? string.Empty : $": no scenario is tagged {string.Join(" or ", unknown)}";
    }

    private static string Key(string name) => $"{ConformanceSettings.SectionName}:{name}";

    private static async Task<int> RunAsync(string? configFile, Dictionary<string, string?> overrides, string? filterText, string? outFolder, IToolConsole console)
    {
        var folder = outFolder ?? OutputFolder.Default;
        if (OutputFolder.Refuses(console, folder))
        {
            return ExitCodes.BadUsage;
        }

        TagFilter filter;
        ConformanceSettings settings;
        try
        {
            filter = TagFilter.Parse(filterText);
            // No file: the defaults, then the environment and the options.
            settings = ConformanceSettings.Load(configFile, optional: false, overrides);
        }
        catch (Exception e) when (e is FormatException or ConformanceConfigurationException)
        {
            console.Problem(e.Message);
            return ExitCodes.BadUsage;
        }

        var suiteSettings = SuiteSettings.Of(settings);
        if (suiteSettings.Problem is { } problem)
        {
            // The same words as a file that cannot be read: the settings' own message, once.
            console.Problem(problem);
            return ExitCodes.BadUsage;
        }

        var features = FeatureFileLoader.LoadFolder(Path.Combine(AppContext.BaseDirectory, "features"));
        if (!features.SelectMany(f => f.Scenarios).Any(filter.Matches))
        {
            console.Problem($"No scenario matches the filter '{filter.Text}'{UnknownTags(filter, features)}.");
            return ExitCodes.BadUsage;
        }

        var summary = new CapturedSummary();
        var passed = await console.ShowRunAsync("Scenarios", progress =>
        {
            var context = new RunContext(folder, features, progress).Provide(suiteSettings).Provide<IRunSummary>(summary);
            if (settings.SignIn)
            {
                // Only this host asks a person: the same key under dotnet test leaves the approvals not verified.
                context.Provide(suiteSettings.AskingThrough(new SignInPrompt(console)));
            }

            return ConsoleRunner.RunAsync(typeof(RunCommand).Assembly, context, filter, settings.Parallel);
        });
        if (summary.Written is not { } written)
        {
            return passed ? ExitCodes.Conforming : ExitCodes.FailsBuild;
        }

        RunSummaryView.Show(console, written);
        // The runner's pass counts what the matrix has no row for (a feature that does not parse, an engine
        // scenario); a failure the run allows (advisory, a listed known deviation) did not fail it.
        var exit = RunSummaryView.ExitCode(written.Matrix, written.StrictAdvisory);
        return exit == ExitCodes.Conforming && !passed ? ExitCodes.FailsBuild : exit;
    }
}
