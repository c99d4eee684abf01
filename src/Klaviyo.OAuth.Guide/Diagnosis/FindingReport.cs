namespace Klaviyo.OAuth.Guide.Diagnosis;

/// <summary>
/// A finding as it travels: in the emulator's journal and diagnosis header, and in
/// <c>diagnose --json</c>. Flat strings, so any JSON reader takes it.
/// </summary>
/// <param name="Finding">The finding id, e.g. <c>finding-bytes-literal</c>.</param>
/// <param name="Tip">The tip id, or null for findings beyond the tips.</param>
/// <param name="Behaviour">The behaviour id whose answer the request earns.</param>
/// <param name="Detail">What this request shows.</param>
/// <param name="TipWords">The guide's tip, quoted.</param>
/// <param name="HowToFix">The guide's "Why and how to fix", quoted.</param>
public sealed record FindingReport(string Finding, string? Tip, string Behaviour, string Detail, string? TipWords, string HowToFix)
{
    public static FindingReport From(Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        return new(finding.Id, finding.TipId, finding.BehaviourId, finding.Detail, finding.TipWords, finding.HowToFix);
    }

    /// <summary>One line for a console: the tip (or the behaviour) and the detail.</summary>
    public string ToLine() => $"{Tip ?? Behaviour}: {Detail}";
}
