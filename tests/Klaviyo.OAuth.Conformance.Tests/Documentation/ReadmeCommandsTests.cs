using FluentAssertions;
using Klaviyo.OAuth.Conformance.Tool;
using NUnit.Framework;

namespace Klaviyo.OAuth.Conformance.Tests.Documentation;

/// <summary>
/// The README's commands, taken from its <c>bash</c> blocks, are ones that work: each <c>dotnet</c>
/// command is a verb of the SDK with paths that exist in the repository, and the tool is installed
/// from a package the README builds first. <see cref="ToolCommandLines"/> gathers the tool's own
/// command lines, placeholders such as <c>&lt;folder&gt;</c> and <c>…</c> and optional parts in
/// brackets made concrete, and each parses against the tool's real command line.
/// </summary>
public class ReadmeCommandsTests
{
    private const string ToolProject = "src/Klaviyo.OAuth.Conformance.Tool";
    private const string EmulatorProject = "src/Klaviyo.OAuth.Emulator";

    private static readonly HashSet<string> DotnetVerbs = ["build", "test", "run", "pack", "publish", "restore", "tool", "new", "add"];
    private static readonly HashSet<string> ToolVerbs = ["install", "update", "uninstall", "list", "run", "restore"];

    /// <summary>What the tool is asked to do: its own commands, and <c>dotnet run</c> of its project or of the emulator's.</summary>
    public static IEnumerable<TestCaseData> ToolCommandLines()
    {
        foreach (var command in Docs.ReadmeCommands())
        {
            var arguments = command.Program switch
            {
                ToolCommands.Name => command.Arguments,
                "dotnet" when RunArguments(command, ToolProject) is { } forwarded => forwarded,
                "dotnet" when RunArguments(command, EmulatorProject) is { } forwarded => ["emulate", .. forwarded],
                _ => null,
            };
            if (arguments is not null)
            {
                yield return new TestCaseData((object)arguments.Select(Concrete).Where(a => a.Length > 0).ToArray()).SetArgDisplayNames(command.Text);
            }
        }
    }

    public static IEnumerable<TestCaseData> DotnetCommands() =>
        Docs.ReadmeCommands().Where(c => c.Program == "dotnet").Select(c => new TestCaseData((object)c.Arguments.ToArray()).SetArgDisplayNames(c.Text));

    [Test]
    public void The_README_shows_commands_of_the_tool_and_of_dotnet()
    {
        ToolCommandLines().Should().HaveCountGreaterThan(3);
        DotnetCommands().Should().HaveCountGreaterThan(5);
    }

    [TestCaseSource(nameof(ToolCommandLines))]
    public void Each_command_of_the_tool_parses_against_its_real_command_line(string[] arguments)
    {
        // A folder the README's reader makes first (--mappings stubs) is checked at parse time; only the syntax is this test's.
        ToolCommands.Parse(arguments).Errors.Select(e => e.Message)
            .Where(message => !message.EndsWith("is not a folder.", StringComparison.Ordinal))
            .Should().BeEmpty();
    }

    [TestCase("run", "--api-ur", "https://a.example")]
    [TestCase("grade", "--emulatr", "http://127.0.0.1:5080")]
    [TestCase("emulate", "--clients", "a:b:http://127.0.0.1/cb")]
    [TestCase("rn")]
    public void A_mistyped_command_line_does_not_parse(params string[] arguments)
    {
        ToolCommands.Parse(arguments).Errors.Should().NotBeEmpty("the README test above would catch this typo");
    }

    [TestCaseSource(nameof(DotnetCommands))]
    public void Each_dotnet_command_is_a_verb_of_the_SDK_on_paths_that_exist(string[] arguments)
    {
        var verb = arguments.FirstOrDefault() ?? string.Empty;
        DotnetVerbs.Should().Contain(verb);
        if (verb == "tool")
        {
            ToolVerbs.Should().Contain(arguments.ElementAtOrDefault(1) ?? string.Empty);
        }

        foreach (var path in ProjectPaths(arguments))
        {
            (File.Exists(Path.Combine(Docs.Root, path)) || Directory.Exists(Path.Combine(Docs.Root, path)))
                .Should().BeTrue($"'{path}' is a project or solution of the repository");
        }
    }

    [Test]
    public void The_tool_is_installed_from_a_package_the_README_says_how_to_build()
    {
        var commands = Docs.ReadmeCommands().ToList();
        var installs = commands.Where(c => c.Program == "dotnet" && c.Arguments.Take(2).SequenceEqual(["tool", "install"])).ToList();

        installs.Should().NotBeEmpty();
        foreach (var install in installs)
        {
            var source = ValueOf(install.Arguments, "--add-source");
            source.Should().NotBeNull($"'{install}' says where the package comes from");
            commands.Take(commands.IndexOf(install)).Should().Contain(
                c => c.Program == "dotnet" && At(c.Arguments, 0) == "pack" && c.Arguments.Contains(ToolProject) && ValueOf(c.Arguments, "-o") == source,
                $"the package '{install}' installs is first built with dotnet pack into {source}");
        }
    }

    private static List<string>? RunArguments(ShellCommand command, string project) =>
        At(command.Arguments, 0) == "run" && ValueOf(command.Arguments, "--project")?.TrimEnd('/') == project
            ? command.Arguments.SkipWhile(a => a != "--").Skip(1).ToList()
            : null;

    private static string? At(IReadOnlyList<string> arguments, int index) => index < arguments.Count ? arguments[index] : null;

    private static IEnumerable<string> ProjectPaths(IReadOnlyList<string> arguments)
    {
        if (ValueOf(arguments, "--project") is { } project)
        {
            yield return project;
        }

        if (At(arguments, 0) is "test" or "build" or "pack" or "publish" or "restore"
            && At(arguments, 1) is { } positional && !positional.StartsWith('-'))
        {
            yield return positional;
        }
    }

    private static string? ValueOf(IReadOnlyList<string> arguments, string option)
    {
        var at = arguments.ToList().IndexOf(option);
        return at >= 0 && at + 1 < arguments.Count ? arguments[at + 1] : null;
    }

    /// <summary>A placeholder stands for any value; an optional part in brackets is written out.</summary>
    private static string Concrete(string argument)
    {
        var unwrapped = argument.StartsWith('[') && argument.EndsWith(']') ? argument[1..^1] : argument;
        return unwrapped.Contains('…', StringComparison.Ordinal) || (unwrapped.StartsWith('<') && unwrapped.EndsWith('>'))
            ? "placeholder"
            : unwrapped;
    }
}
