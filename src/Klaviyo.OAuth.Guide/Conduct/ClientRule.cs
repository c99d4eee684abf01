using Klaviyo.OAuth.Guide.Catalogue;

namespace Klaviyo.OAuth.Guide.Conduct;

/// <summary>
/// One rule about what an app does over time, checked on a record of its traffic
/// (docs/diagnosis.md, "Client conduct").
/// </summary>
/// <param name="Id">Stable id, e.g. <c>client.refresh-rate</c>.</param>
/// <param name="Level"><see cref="RequirementLevel.Documented"/> when the guide says it, an RFC level otherwise.</param>
/// <param name="Rule">What a conforming app does.</param>
/// <param name="Source">Where the rule comes from: the guide's words or an RFC section.</param>
/// <param name="NearestBehaviours">Ids of the catalogue behaviours the rule is the client's side of.</param>
public sealed record ClientRule(
    string Id,
    RequirementLevel Level,
    string Rule,
    string Source,
    IReadOnlyList<string> NearestBehaviours)
{
    /// <summary>What <see cref="Source"/> starts with when the rule is the guide's words.</summary>
    public const string Guide = "Klaviyo guide: Troubleshoot OAuth errors — ";
}
