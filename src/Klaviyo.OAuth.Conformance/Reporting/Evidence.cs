using System.Globalization;

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

        var redacted = options.Redactor.Redact(text.Trim());
        var limit = Math.Max(0, maxLength ?? options.MaxEvidenceLength);
        if (redacted.Length <= limit)
        {
            return redacted;
        }

        var cut = redacted.Length - limit;
        return string.Create(CultureInfo.InvariantCulture, $"{redacted.AsSpan(0, limit)}… [truncated {cut} chars]");
    }
}
