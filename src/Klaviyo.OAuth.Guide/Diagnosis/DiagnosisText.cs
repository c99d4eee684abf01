using System.Globalization;

namespace Klaviyo.OAuth.Guide.Diagnosis;

/// <summary>The diagnose command's text: one block per request, the guide's words quoted, a summary last.</summary>
internal static class DiagnosisText
{
    public static void Write(TextWriter output, string source, int exchanges, IReadOnlyList<Diagnosis> diagnoses)
    {
        var index = 0;
        foreach (var diagnosis in diagnoses)
        {
            index++;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{index}. {diagnosis.Exchange.Method} {diagnosis.Exchange.Url.GetLeftPart(UriPartial.Path)}"));
            if (diagnosis.Answer is { } answer)
            {
                output.WriteLine($"   Klaviyo {answer}");
            }

            if (diagnosis.IsClean)
            {
                // A refusal no tip explains is said so, not passed off as fine.
                output.WriteLine(diagnosis.Exchange.Response is { Status: >= 400 }
                    ? "   None of the guide's tips explains this answer."
                    : "   Nothing wrong found.");
            }

            foreach (var finding in diagnosis.Findings)
            {
                output.WriteLine($"   ✗ {finding.TipId ?? finding.BehaviourId} ({finding.Kind.Title})");
                output.WriteLine($"     This request: {finding.Detail}");
                if (finding.TipWords is { } tip)
                {
                    output.WriteLine($"     The guide's tip ({finding.Tip!.Section}): {tip}");
                }

                output.WriteLine($"     Why and how to fix ({finding.BehaviourId}): {finding.HowToFix}");
            }

            foreach (var unknown in diagnosis.Unknowns)
            {
                output.WriteLine($"     Not known without the server's records: {unknown}.");
            }

            output.WriteLine();
        }

        var withFindings = diagnoses.Count(d => !d.IsClean);
        output.WriteLine(diagnoses.Count == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{source}: {exchanges} request(s), none to Klaviyo's OAuth endpoints or API.")
            : withFindings == 0
                ? string.Create(CultureInfo.InvariantCulture, $"{source}: nothing wrong found in {diagnoses.Count} request(s) to Klaviyo's OAuth endpoints and API.")
                : string.Create(CultureInfo.InvariantCulture, $"{source}: {withFindings} of {diagnoses.Count} request(s) to Klaviyo's OAuth endpoints and API would be or were refused; see above."));
    }
}
