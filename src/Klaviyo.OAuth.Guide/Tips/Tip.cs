namespace Klaviyo.OAuth.Guide.Tips;

/// <summary>
/// One troubleshooting tip of the guide (docs/diagnosis.md), addressed to the developer of
/// an app: what to check when a request was refused.
/// </summary>
/// <param name="Id">Stable id, e.g. <c>tip.basic-prefix</c>.</param>
/// <param name="Section">The guide's section the tip sits under, e.g. "Invalid client".</param>
/// <param name="Words">The guide's words for the tip.</param>
/// <param name="Signs">What a request shows when the tip applies.</param>
/// <param name="NearestBehaviours">Ids of the catalogue behaviours whose refusal the tip explains.</param>
public sealed record Tip(
    string Id,
    string Section,
    string Words,
    string Signs,
    IReadOnlyList<string> NearestBehaviours);
