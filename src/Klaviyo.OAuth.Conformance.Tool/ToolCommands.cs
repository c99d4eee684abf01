using System.CommandLine;
using Klaviyo.OAuth.Guide;
using Klaviyo.OAuth.Emulator.Standalone;

namespace Klaviyo.OAuth.Conformance.Tool;

/// <summary>The command line: <c>run</c>, <c>emulate</c>, <c>report</c>, <c>diagnose</c> and <c>grade</c>. Bad usage is one message and exit code 2.</summary>
internal static class ToolCommands
{
    public const string Name = "klaviyo-oauth-conformance";

    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error) =>
        RunAsync(args, output, error, Console.OpenStandardInput);

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, Func<Stream> standardInput)
    {
        var root = new RootCommand("Checks an OAuth server against the behaviours of Klaviyo's \"Troubleshoot OAuth errors\" guide.")
        {
            RunCommand.Create(output, error, standardInput),
            EmulateCommand(),
            ReportCommand.Create(output, error),
            DiagnoseCommand.Create(output, error, standardInput),
            GradeCommand.Create(output, error),
        };

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var problem in parsed.Errors)
            {
                await error.WriteLineAsync(problem.Message);
            }

            await error.WriteLineAsync($"Run '{Name} --help' for usage.");
            return ExitCodes.BadUsage;
        }

        return await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
    }

    // The standalone emulator's own command line, forwarded as it is: one parser, in the emulator.
    private static Command EmulateCommand()
    {
        var apiUrl = new Option<string?>("--api-url") { Description = "API host (as a.klaviyo.com): /oauth/token, /oauth/revoke, /api/, /__control/; default a free loopback port" };
        var webUrl = new Option<string?>("--web-url") { Description = "web host (as www.klaviyo.com): /oauth/authorize, /oauth/client; default a free loopback port" };
        var noControlApi = new Option<bool>("--no-control-api") { Description = "do not serve /__control/" };
        var opaqueTokens = new Option<bool>("--opaque-tokens") { Description = "issue the older kla_ + 40 character access tokens instead of JWTs" };
        var dataSeed = new Option<string?>("--data-seed") { Description = "seed of the generated API data (profiles, lists, metrics, events)" };
        var diagnosisHeader = new Option<bool>("--diagnosis-header") { Description = "add the findings' JSON to refusals (X-Klaviyo-Emulator-Diagnosis); off by default, so that the wire stays Klaviyo's" };
        var command = new Command("emulate", "Runs the reference emulator of Klaviyo's OAuth server until Ctrl-C, as `dotnet run --project src/Klaviyo.OAuth.Emulator` does.")
        {
            apiUrl, webUrl, noControlApi, opaqueTokens, dataSeed, diagnosisHeader,
        };
        command.SetAction((result, _) =>
        {
            var forwarded = new List<string>();
            if (result.GetValue(apiUrl) is { } api)
            {
                forwarded.AddRange(["--api-url", api]);
            }

            if (result.GetValue(webUrl) is { } web)
            {
                forwarded.AddRange(["--web-url", web]);
            }

            if (result.GetValue(noControlApi))
            {
                forwarded.Add("--no-control-api");
            }

            if (result.GetValue(opaqueTokens))
            {
                forwarded.Add("--opaque-tokens");
            }

            // The emulator's own parser checks the number, so its message is the one users see.
            if (result.GetValue(dataSeed) is { } seed)
            {
                forwarded.AddRange(["--data-seed", seed]);
            }

            if (result.GetValue(diagnosisHeader))
            {
                forwarded.Add("--diagnosis-header");
            }

            return StandaloneEmulator.RunAsync(forwarded, Name + " emulate");
        });
        return command;
    }
}
