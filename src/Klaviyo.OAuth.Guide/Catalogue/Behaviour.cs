namespace Klaviyo.OAuth.Guide.Catalogue;

/// <summary>
/// One row of the behaviour catalogue (docs/behaviours.md). <see cref="Id"/> is the Gherkin
/// tag (without @) on every scenario that verifies it.
/// </summary>
/// <param name="Description">When the behaviour applies: the request or situation.</param>
/// <param name="Expected">What a conforming target answers.</param>
/// <param name="WhyAndHowToFix">For a documented row the guide's "Why and how to fix" text; otherwise a short hint.</param>
/// <param name="Reference">Where the requirement comes from: the guide's table or an RFC section.</param>
public sealed record Behaviour(
    string Id,
    BehaviourGroup Group,
    RequirementLevel Level,
    string Description,
    string Expected,
    string WhyAndHowToFix,
    string Reference)
{
    /// <summary>The Gherkin tag that links scenarios to this behaviour, e.g. <c>@token.invalid-client</c>.</summary>
    public string Tag => "@" + Id;
}
