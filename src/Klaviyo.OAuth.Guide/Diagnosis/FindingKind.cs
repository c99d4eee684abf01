namespace Klaviyo.OAuth.Guide.Diagnosis;

/// <summary>
/// One thing a request can show that explains a refusal: an id (the Gherkin tag of the
/// scenario that shows it, e.g. <c>finding-bytes-literal</c>), the tip it falls under, if any,
/// and the behaviour whose answer it earns.
/// </summary>
/// <param name="TokenBehaviourId">The behaviour on /oauth/token (or the only one).</param>
/// <param name="RevokeBehaviourId">The behaviour on /oauth/revoke, when the finding applies there too.</param>
public sealed record FindingKind(string Id, string? TipId, string TokenBehaviourId, string? RevokeBehaviourId, string Title)
{
    /// <summary>The Gherkin tag of the scenario that shows the finding.</summary>
    public string Tag => "@" + Id;
}
