namespace Klaviyo.OAuth.Conformance.Reporting;

/// <summary>Makes a step message fit for a report: redacted first (so a cut cannot expose half a secret), then truncated.</summary>
internal sealed class Evidence(ReportOptions options)
{
    public string? Prepare(string? text, int? maxLength = null)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        // Control characters from a target (NUL, ESC…) become visible escapes in every report and the console.
        return Http.VisibleText.Escape(options.Redactor.RedactAndShorten(text.Trim(), maxLength ?? options.MaxEvidenceLength));
    }
}
