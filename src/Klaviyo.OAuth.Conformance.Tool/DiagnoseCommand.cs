using System.CommandLine;
using Diagnosis = Klaviyo.OAuth.Guide.Diagnosis.DiagnoseCommand;

namespace Klaviyo.OAuth.Conformance.Tool;

/// <summary>
/// <c>diagnose FILE|- [--json]</c>: the guide's diagnosis of a HAR, curl command lines or a raw HTTP
/// request. The logic and its exit codes (0 nothing wrong, 1 findings, 2 bad input) live in the
/// vocabulary library, so the tool only parses the command line.
/// </summary>
internal static class DiagnoseCommand
{
    public static Command Create(TextWriter output, TextWriter error, Func<Stream> standardInput)
    {
        var file = new Argument<string>("FILE") { Description = "a HAR export, curl command lines (\"Copy as cURL\") or a raw HTTP request with its response; - reads standard input" };
        var json = new Option<bool>("--json") { Description = "machine-readable output" };
        var command = new Command("diagnose", "Says, per request to Klaviyo's OAuth endpoints or API in a capture, what Klaviyo answers or will answer, why, and how to fix it, in the guide's words.")
        {
            file, json,
        };
        command.SetAction(result =>
        {
            string[] args = result.GetValue(json) ? [result.GetValue(file)!, "--json"] : [result.GetValue(file)!];
            if (args[0] != "-")
            {
                return Diagnosis.Run(args, Stream.Null, output, error);
            }

            using var stdin = standardInput();
            return Diagnosis.Run(args, stdin, output, error);
        });
        return command;
    }
}
