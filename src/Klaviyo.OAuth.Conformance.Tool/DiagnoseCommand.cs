using System.CommandLine;
using Klaviyo.OAuth.Guide;
using Klaviyo.OAuth.Guide.Diagnosis;
using Klaviyo.OAuth.Guide.Traffic;

namespace Klaviyo.OAuth.Conformance.Tool;

/// <summary>
/// <c>diagnose FILE|- [--json]</c>: the guide's diagnosis (<see cref="CaptureDiagnosis"/>) of a HAR,
/// curl command lines or a raw HTTP exchange, as text or JSON.
/// </summary>
internal static class DiagnoseCommand
{
    public static readonly string[] Examples =
    [
        "diagnose capture.har",
        "diagnose - --json",
    ];

    public static Command Create(IToolConsole console, Func<Stream> standardInput)
    {
        var file = new Argument<string>("FILE") { Description = "a HAR export, curl command lines (\"Copy as cURL\") or a raw HTTP request with its response; - reads standard input" };
        var json = new Option<bool>("--json") { Description = "machine-readable output" };
        var command = new Command("diagnose", "Says, per request to Klaviyo's OAuth endpoints or API in a capture, what Klaviyo answers or will answer, why, and how to fix it, in the guide's words.")
        {
            file, json,
        };
        command.SetAction(result => Run(result.GetValue(file)!, result.GetValue(json), console, standardInput));
        return command;
    }

    private static int Run(string file, bool json, IToolConsole console, Func<Stream> standardInput)
    {
        CaptureDiagnosis diagnosis;
        try
        {
            diagnosis = file == "-" ? ReadStandardInput(standardInput) : CaptureDiagnosis.ReadFile(file);
        }
        catch (TrafficFormatException e)
        {
            console.Problem(e.Message);
            return ExitCodes.BadUsage;
        }

        if (json)
        {
            console.Out.WriteLine(diagnosis.ToJson());
        }
        else
        {
            diagnosis.WriteText(console.Out);
        }

        return diagnosis.HasFindings ? ExitCodes.FailsBuild
            : diagnosis.NothingDiagnosed ? ExitCodes.Unverified
            : ExitCodes.Conforming;
    }

    private static CaptureDiagnosis ReadStandardInput(Func<Stream> standardInput)
    {
        using var input = standardInput();
        return CaptureDiagnosis.Read(input);
    }
}
