using System.Text.RegularExpressions;
using Klaviyo.OAuth.Conformance.Testing;

namespace Klaviyo.OAuth.Conformance.EndToEndTests;

/// <summary>
/// The README's "whole authorization-code flow with curl", run as a reader runs it: the
/// standalone emulator started, its printed hosts and demo client put into the variables the
/// recipe's first block sets, then the recipe's steps run by bash, in the README's words.
/// </summary>
[TestFixture]
public sealed partial class TheReadmesCurlRecipe
{
    private const string Section = "A whole authorization-code flow with curl";

    [Test]
    public async Task Signs_in_consents_exchanges_the_code_calls_the_API_refreshes_and_revokes()
    {
        Which("curl").Should().NotBeNull("the recipe runs curl (.ci/run installs it where it is missing)");
        var blocks = MarkdownDocument.Read(Path.Combine(BuiltArtifacts.RepositoryRoot, "README.md")).CodeBlocks
            .Where(b => b.Section == Section && b.Language == "bash").ToList();
        blocks.Should().HaveCountGreaterThanOrEqualTo(2, $"the README's \"{Section}\" sets the emulator's values, then runs the flow");
        Assignment().Matches(blocks[0].Text).Select(m => m.Groups["name"].Value).Should()
            .BeEquivalentTo(["API", "WEB", "CLIENT_ID", "CLIENT_SECRET", "REDIRECT_URI"], "those are the values the emulator prints and this test supplies");

        using var emulator = await StandaloneEmulator.StartAsync();
        var work = Directory.CreateTempSubdirectory("curl-recipe-");
        try
        {
            var script = Path.Combine(work.FullName, "recipe.sh");
            await File.WriteAllTextAsync(script, string.Join('\n', blocks.Skip(1).Select(b => b.Text)));
            using var bash = ChildProcess.Start("bash", ["-euo", "pipefail", script], work.FullName, new Dictionary<string, string?>
            {
                ["API"] = emulator.ApiUrl.AbsoluteUri.TrimEnd('/'),
                ["WEB"] = emulator.WebUrl.AbsoluteUri.TrimEnd('/'),
                ["CLIENT_ID"] = Printed(emulator, "client_id"),
                ["CLIENT_SECRET"] = Printed(emulator, "client_secret"),
                ["REDIRECT_URI"] = Printed(emulator, "redirect_uri"),
            });
            (await bash.WaitForExitAsync(TimeSpan.FromSeconds(60))).Should().BeTrue("the recipe ends");

            var output = bash.Output;
            bash.ExitCode.Should().Be(0, output);
            output.Should().Contain("<button name=\"decision\" value=\"allow\">Allow</button>", "step 3 shows the consent page")
                .And.MatchRegex(@"code: \S{16,}", "step 4 gets a code from the redirect")
                .And.Contain("\"token_type\":\"Bearer\"", "step 5 exchanges it")
                .And.Contain("\"type\":\"account\"", "step 6 calls the API")
                .And.Contain("\"error\":\"invalid_grant\"", "the last refresh follows the revoke");
            emulator.Output.Should().Contain("-> 200 signed in as owner")
                .And.Contain("-> 200 consent page")
                .And.Contain("-> 302 approved: code issued")
                .And.Contain("-> 200 code exchanged")
                .And.Contain("-> 200 refresh token used")
                .And.Contain("/oauth/revoke -> 200");
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    /// <summary>A value of the demo client from the emulator's banner, as a reader copies it.</summary>
    private static string Printed(StandaloneEmulator emulator, string name) =>
        Regex.Match(emulator.Output, $@"^\s+{name}\s+(?<value>\S+)\s*$", RegexOptions.Multiline) is { Success: true } printed
            ? printed.Groups["value"].Value
            : throw new InvalidOperationException($"The emulator printed no {name}:{Environment.NewLine}{emulator.Output}");

    private static string? Which(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
            .Select(folder => Path.Combine(folder, program))
            .FirstOrDefault(File.Exists);

    [GeneratedRegex(@"^(?<name>[A-Z_]+)=", RegexOptions.Multiline)]
    private static partial Regex Assignment();
}
