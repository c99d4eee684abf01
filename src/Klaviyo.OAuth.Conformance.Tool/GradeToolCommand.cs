using System.CommandLine;
using Klaviyo.OAuth.Conformance.Grading;

namespace Klaviyo.OAuth.Conformance.Tool;

/// <summary>
/// <c>grade FILE.har [--out DIR] [--web-host H]</c> or <c>grade --emulator URL --client ID [--out DIR]</c>:
/// grades an app's captured traffic, or its requests in a running emulator's journal, by the
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
        var emulator = new Option<string?>("--emulator") { Description = "grade the journal of the emulator whose API host is at this URL (with --client)" };
        var client = new Option<string?>("--client") { Description = "the client id of the app whose requests to grade from the emulator's journal" };
        var command = new Command("grade", "Grades an app's OAuth traffic (a capture or the emulator's journal) by the client-conduct rules; exit 1 when a documented rule is broken.")
        {
            file, outFolder, webHosts, emulator, client,
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

            if (result.GetValue(emulator) is { } url)
            {
                forwarded.AddRange(["--emulator", url]);
            }

            if (result.GetValue(client) is { } id)
            {
                forwarded.AddRange(["--client", id]);
            }

            return GradeCommand.Run(forwarded, output, error);
        });
        return command;
    }
}
