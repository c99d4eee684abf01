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
            EmulatorCommandLine.Create("emulate", "Runs the reference emulator of Klaviyo's OAuth server until Ctrl-C, as `dotnet run --project src/Klaviyo.OAuth.Emulator` does."),
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
}
