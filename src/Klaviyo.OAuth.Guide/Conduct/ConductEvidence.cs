namespace Klaviyo.OAuth.Guide.Conduct;

/// <summary>
/// One request that breaks a rule: its position in the traffic, its request line and answer
/// (redacted), why it breaks the rule, and the diagnosis a developer acts on.
/// </summary>
/// <param name="Index">The request's position in the app's traffic, from 1.</param>
/// <param name="Time">When it was sent, when the record says.</param>
/// <param name="Request">Method and URL, redacted, e.g. <c>POST https://a.klaviyo.com/oauth/token</c>.</param>
/// <param name="Answer">The status the app got, when the record has it.</param>
/// <param name="Breach">What in this request breaks the rule.</param>
/// <param name="Diagnosis">The guide's tip id (e.g. <c>tip.authorization-header</c>) or, when the guide has no tip for it, the behaviour id.</param>
public sealed record ConductEvidence(
    int Index,
    DateTimeOffset? Time,
    string Request,
    int? Answer,
    string Breach,
    string Diagnosis);
