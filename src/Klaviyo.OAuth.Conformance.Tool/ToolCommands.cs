using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using Klaviyo.OAuth.Conformance.Configuration;
using Klaviyo.OAuth.Guide;
using Klaviyo.OAuth.Emulator.Standalone;

namespace Klaviyo.OAuth.Conformance.Tool;

/// <summary>
/// The command line: <c>run</c>, <c>emulate</c>, <c>report</c>, <c>diagnose</c>, <c>grade</c> and <c>compare</c>, parsed
/// once. Bad usage is one message (with a suggestion for a mistyped name) and exit code 2; a bare
/// invocation shows the help, which documents the exit codes, the guide and where reports go.
/// </summary>
internal static class ToolCommands
{
    public const string Name = "klaviyo-oauth-conformance";

    /// <summary>The guide whose behaviours the suite checks.</summary>
    public const string GuideUrl = "https://developers.klaviyo.com/en/docs/troubleshoot_oauth_errors";

    /// <summary>The process's own console and standard input.</summary>
    public static Task<int> RunAsync(string[] args) =>
        RunAsync(args, ToolConsole.ForProcess(), Console.OpenStandardInput);

    /// <summary>Plain output on these writers (as when redirected).</summary>
    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error) =>
        RunAsync(args, output, error, Console.OpenStandardInput);

    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, Func<Stream> standardInput) =>
        RunAsync(args, new ToolConsole(output, error, () => new StreamReader(standardInput()), live: false), standardInput);

    public static async Task<int> RunAsync(string[] args, IToolConsole console, Func<Stream> standardInput)
    {
        ArgumentNullException.ThrowIfNull(console);
        var root = Root(console, standardInput);
        var configuration = new InvocationConfiguration { Output = console.Out, Error = console.Error };
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            console.Problem(Problem(parsed));
            return ExitCodes.BadUsage;
        }

        var exit = await parsed.InvokeAsync(configuration);
        if (parsed.Action is HelpAction)
        {
            AfterOptions(console.Out, parsed.CommandResult.Command.Name);
        }

        return exit;
    }

    /// <summary>Parses without running, as the README's test of its own command lines does.</summary>
    internal static ParseResult Parse(IReadOnlyList<string> args) =>
        Root(new ToolConsole(TextWriter.Null, TextWriter.Null, () => TextReader.Null, live: false), () => Stream.Null).Parse(args);

    private static Command Root(IToolConsole console, Func<Stream> standardInput)
    {
        // A command named as the installed tool, whatever the executable: `dotnet Klaviyo.OAuth.Conformance.Tool.dll` shows the same help.
        var help = new HelpOption { Recursive = true };
        var root = new Command(Name, "Checks an OAuth server against the behaviours of Klaviyo's \"Troubleshoot OAuth errors\" guide, diagnoses refused requests and grades an app's traffic.")
        {
            help,
            new VersionOption(),
            RunCommand.Create(console),
            EmulatorCommandLine.Create("emulate", "Runs the reference emulator of Klaviyo's OAuth server until Ctrl-C, as `dotnet run --project src/Klaviyo.OAuth.Emulator` does."),
            ReportCommand.Create(console),
            DiagnoseCommand.Create(console, standardInput),
            GradeCommand.Create(console),
            CompareCommand.Create(console),
        };
        RefuseOptionsAsArguments(root);
        // A bare invocation names no command: the help says what there is to run.
        root.SetAction(result =>
        {
            ((HelpAction)help.Action!).Invoke(result);
            AfterOptions(result.InvocationConfiguration.Output, Name);
            return ExitCodes.BadUsage;
        });
        return root;
    }

    /// <summary>
    /// <c>grade --har x.har</c>: System.CommandLine fills the file argument with <c>--har</c> and calls
    /// <c>x.har</c> unrecognized; this says that the command has no such option instead.
    /// </summary>
    private static void RefuseOptionsAsArguments(Command command)
    {
        if (command.Arguments.Count > 0)
        {
            // On the command, not the arguments: an optional argument's validators do not run.
            command.Validators.Add(result =>
            {
                foreach (var argument in command.Arguments)
                {
                    foreach (var name in (result.GetResult(argument)?.Tokens ?? []).Select(t => t.Value.Split('=')[0]).Where(UsageProblem.LooksLikeOption))
                    {
                        var nearest = Suggestion.Nearest(name.TrimStart('-'), command.Options.Where(o => !o.Hidden), o => o.Name.TrimStart('-'));
                        result.AddError(nearest is null
                            ? $"{command.Name} has no option {name}: give <{argument.Name}> by itself."
                            : $"{command.Name} has no option {name}: did you mean {nearest.Name}?");
                    }
                }
            });
        }

        foreach (var subcommand in command.Subcommands)
        {
            RefuseOptionsAsArguments(subcommand);
        }
    }

    /// <summary>
    /// Each command's examples, as its help shows them (the tool's own help shows the first of each);
    /// every one parses, and those over files run as written where the files exist.
    /// </summary>
    internal static readonly IReadOnlyDictionary<string, string[]> Examples = new Dictionary<string, string[]>
    {
        ["run"] = RunCommand.Examples,
        ["emulate"] = ["emulate " + EmulatorCommandLine.Example],
        ["report"] = ReportCommand.Examples,
        ["diagnose"] = DiagnoseCommand.Examples,
        ["grade"] = GradeCommand.Examples,
        ["compare"] = CompareCommand.Examples,
    };

    /// <summary>The examples, the exit codes, the guide and the reports, under every command's help.</summary>
    private static void AfterOptions(TextWriter output, string command)
    {
        var examples = Examples.TryGetValue(command, out var own) ? own : Examples.Values.Select(e => e[0]);
        output.WriteLine("Examples:");
        foreach (var example in examples)
        {
            output.WriteLine($"  {Name} {example}");
        }

        output.WriteLine();
        output.WriteLine("Exit codes:");
        foreach (var (code, meaning) in ExitCodes.Table)
        {
            output.WriteLine($"  {code}  {meaning}");
        }

        output.WriteLine();
        output.WriteLine("Reports: run writes them to ./reports (or --out), report beside its first file (or --out), grade to --out:");
        output.WriteLine("  conformance.html (start here), conformance.md, conformance.json, junit.xml, cucumber.ndjson.");
        output.WriteLine("compare writes compare.md and compare.json to ./reports (or --out).");
        output.WriteLine($"The guide: {GuideUrl}");
    }

    /// <summary>Every parse error, the suggestion for a mistyped name, and where usage is, as one message; secrets masked.</summary>
    private static string Problem(ParseResult parsed) =>
        UsageProblem.Of(
            parsed,
            parsed.UnmatchedTokens.Contains("--version") && parsed.CommandResult.Command.Name != Name
                ? $"The version is the tool's: run '{Name} --version'."
                : $"Run '{CommandPath(parsed)} --help' for usage.", SettingKeys.All.Where(k => k.IsSecret).Select(k => k.Option!));

    private static string CommandPath(ParseResult parsed)
    {
        var names = new List<string>();
        for (var result = parsed.CommandResult; result is not null; result = result.Parent as System.CommandLine.Parsing.CommandResult)
        {
            names.Insert(0, result.Command.Name);
        }

        return string.Join(' ', names);
    }
}
