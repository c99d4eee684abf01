using System.CommandLine;
using Klaviyo.OAuth.Conformance.Grading;

namespace Klaviyo.OAuth.Conformance.Tool;

/// <summary>
/// <c>grade FILE.har [--out DIR] [--web-host H]</c>: grades an app's captured traffic by the
/// client-conduct rules. The options are declared here for help and usage errors; the grading,
/// its messages and exit codes stay in <see cref="GradeCommand"/>, one implementation.
/// </summary>
internal static class GradeToolCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var file = new Argument<string?>("traffic") { Arity = ArgumentArity.ZeroOrOne, Description = "the app's captured traffic: a HAR file (or curl command lines, or raw HTTP)" };
        var outFolder = new Option<string?>("--out") { Description = "where to write the client-conduct reports (json, md, html, JUnit)" };
        var webHosts = new Option<string[]>("--web-host") { Description = "a host:port serving the web side (/oauth/authorize) when it is not www.klaviyo.com", AllowMultipleArgumentsPerToken = false };
        var command = new Command("grade", "Grades an app's OAuth traffic by the client-conduct rules; exit 1 when a documented rule is broken.")
        {
            file, outFolder, webHosts,
        };
        command.SetAction(result =>
        {
            var forwarded = new List<string>();
            if (result.GetValue(file) is { } path)
            {
                forwarded.Add(path);
            }

            if (result.GetValue(outFolder) is { } folder)
            {
                forwarded.AddRange(["--out", folder]);
            }

            foreach (var host in result.GetValue(webHosts) ?? [])
            {
                forwarded.AddRange(["--web-host", host]);
            }

            return GradeCommand.Run(forwarded, output, error);
        });
        return command;
    }
}
