using System.CommandLine;
using Klaviyo.OAuth.Guide;
using Klaviyo.OAuth.Conformance.Configuration;
using Klaviyo.OAuth.Conformance.Runner;
using Klaviyo.OAuth.Conformance.Suite.Support;

namespace Klaviyo.OAuth.Conformance.Tool;

/// <summary>
/// <c>run</c>: the catalogue's scenarios (shipped inside the tool) against the embedded emulator or a
/// remote target. Conformance settings come from <c>--config</c>, then <c>Conformance__*</c>
/// environment variables, then options, each winning over the one before.
/// </summary>
internal static class RunCommand
{
    // Option name -> Conformance key; string-valued, so the settings' own validation speaks about them.
    private static readonly (string Option, string Key, string Description)[] Keys =
    [
        ("--target", nameof(ConformanceSettings.Target), "embedded (default) or remote"),
        ("--api-url", nameof(ConformanceSettings.ApiBaseUrl), "the API host's base URL (as https://a.klaviyo.com); implies --target remote"),
        ("--web-url", nameof(ConformanceSettings.WebBaseUrl), "the web host's base URL (as https://www.klaviyo.com)"),
        ("--control-url", nameof(ConformanceSettings.ControlUrl), "base URL of an emulator-compatible control API (/__control/)"),
        ("--client-id", nameof(ConformanceSettings.ClientId), "a registered app's client id"),
        ("--client-secret", nameof(ConformanceSettings.ClientSecret), "that app's client secret"),
        ("--redirect-uri", nameof(ConformanceSettings.RedirectUri), "that app's registered redirect URI"),
        ("--refresh-token", nameof(ConformanceSettings.RefreshToken), "a refresh token obtained beforehand"),
        ("--access-token", nameof(ConformanceSettings.AccessToken), "an access token obtained beforehand"),
        ("--timeout-seconds", nameof(ConformanceSettings.TimeoutSeconds), "per-request timeout (default 10)"),
    ];

    public static Command Create(IToolConsole console)
    {
        var config = new Option<string?>("--config") { Description = "a JSON settings file with a Conformance section (see conformance.example.json)" };
        var outFolder = OutputFolder.Option("where to write the reports (default ./reports)");
        var filter = new Option<string?>("--filter") { Description = "scenarios to run, in dotnet test --filter syntax over tags, e.g. \"Category=documented&Category!=needs-clock\"" };
        var allowDestructive = new Option<bool>("--allow-destructive") { Description = "allow scenarios that revoke the configured tokens" };
        var strictAdvisory = new Option<bool>("--strict-advisory") { Description = "advisory (@rfc-*) behaviours not met also fail (exit code 1)" };
        var keyed = Keys.Select(k => (k.Key, Option: new Option<string?>(k.Option) { Description = k.Description })).ToList();

        var command = new Command("run", "Runs the conformance catalogue against the embedded emulator or your endpoint and writes the reports.")
        {
            config, outFolder, filter, allowDestructive, strictAdvisory,
        };
        keyed.ForEach(k => command.Options.Add(k.Option));
        command.SetAction(async (result, _) =>
        {
            var overrides = keyed
                .Select(k => (k.Key, Value: result.GetValue(k.Option)))
                .Where(k => k.Value is not null)
                .ToDictionary(k => $"{ConformanceSettings.SectionName}:{k.Key}", k => k.Value);
            if (overrides.ContainsKey(Key(nameof(ConformanceSettings.ApiBaseUrl))) && !overrides.ContainsKey(Key(nameof(ConformanceSettings.Target))))
            {
                overrides[Key(nameof(ConformanceSettings.Target))] = ConformanceSettings.RemoteTarget;
            }

            if (result.GetValue(allowDestructive))
            {
                overrides[Key(nameof(ConformanceSettings.AllowDestructive))] = "true";
            }

            if (result.GetValue(strictAdvisory))
            {
                overrides[Key(nameof(ConformanceSettings.StrictAdvisory))] = "true";
            }

            return await RunAsync(result.GetValue(config), overrides, result.GetValue(filter), result.GetValue(outFolder), console);
        });
        return command;
    }

    private static string Key(string name) => $"{ConformanceSettings.SectionName}:{name}";

    private static async Task<int> RunAsync(string? configFile, Dictionary<string, string?> overrides, string? filterText, string? outFolder, IToolConsole console)
    {
        TagFilter filter;
        try
        {
            filter = TagFilter.Parse(filterText);
            // No file: the defaults, then the environment and the options (an absent optional file is no file).
            var settings = ConformanceSettings.Load(configFile ?? Path.Combine(AppContext.BaseDirectory, "no-settings-file.json"), optional: configFile is null, overrides);
            SuiteSettings.Use(settings);
        }
        catch (Exception e) when (e is FormatException or ConformanceConfigurationException)
        {
            console.Problem(e.Message);
            return ExitCodes.BadUsage;
        }

        if (SuiteSettings.Problem is { } problem)
        {
            console.Problem("The suite is misconfigured; no scenario ran. " + problem);
            return ExitCodes.BadUsage;
        }

        var features = FeatureFileLoader.LoadFolder(Path.Combine(AppContext.BaseDirectory, "features"));
        var selected = features.SelectMany(f => f.Scenarios).Count(filter.Matches);
        if (selected == 0)
        {
            console.Problem($"No scenario matches the filter '{filter.Text}'.");
            return ExitCodes.BadUsage;
        }

        var reports = Path.GetFullPath(outFolder ?? "reports");
        Environment.SetEnvironmentVariable(ReportsFolder.EnvironmentVariable, reports);
        ReportsFolder.Prepare(reports);

        WrittenReports? written = null;
        ConformanceReports.Summarise = end => written = end;
        var passed = await console.ShowRunAsync($"{selected} scenarios", progress => ConsoleRunner.RunAsync(typeof(RunCommand).Assembly, features, filter, progress));
        if (written is null)
        {
            return passed ? ExitCodes.Conforming : ExitCodes.FailsBuild;
        }

        RunSummaryView.Show(console, written.Matrix, written.Files, written.StrictAdvisory);
        var exit = RunSummaryView.ExitCode(written.Matrix, written.StrictAdvisory);
        return exit == ExitCodes.Conforming && !passed ? ExitCodes.FailsBuild : exit;
    }
}
