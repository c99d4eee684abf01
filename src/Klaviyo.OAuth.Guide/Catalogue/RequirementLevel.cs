namespace Klaviyo.OAuth.Guide.Catalogue;

/// <summary>How binding a behaviour is; every scenario carries the matching tag.</summary>
public enum RequirementLevel
{
    /// <summary>Stated by the guide: not meeting it is non-conformance.</summary>
    Documented,

    /// <summary>The success path the negative cases are measured against.</summary>
    Baseline,

    /// <summary>Not in the guide; required by an RFC. Advisory: a real endpoint may differ.</summary>
    RfcMust,

    /// <summary>Not in the guide; recommended by an RFC. Advisory.</summary>
    RfcShould,
}

public static class RequirementLevelExtensions
{
    /// <summary>The Gherkin tag of the level, e.g. <c>@rfc-must</c>.</summary>
    public static string Tag(this RequirementLevel level) => "@" + level.Key();

    /// <summary>The level's name in reports: documented, baseline, rfc-must, rfc-should.</summary>
    public static string Key(this RequirementLevel level) => MachineName.Of(level);

    /// <summary>RFC levels are reported separately and fail a build only when advisory rows are strict.</summary>
    public static bool IsAdvisory(this RequirementLevel level) =>
        level is RequirementLevel.RfcMust or RequirementLevel.RfcShould;

    /// <summary>The level a tag names (with or without the leading @), or null when the tag is not a level.</summary>
    public static RequirementLevel? FromTag(string tag)
    {
        ArgumentNullException.ThrowIfNull(tag);
        return tag.TrimStart('@') switch
        {
            "documented" => RequirementLevel.Documented,
            "baseline" => RequirementLevel.Baseline,
            "rfc-must" => RequirementLevel.RfcMust,
            "rfc-should" => RequirementLevel.RfcShould,
            _ => null,
        };
    }
}
