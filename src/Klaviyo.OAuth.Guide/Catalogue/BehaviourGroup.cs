namespace Klaviyo.OAuth.Guide.Catalogue;

/// <summary>The groups of the catalogue, in the order the guide presents them.</summary>
public enum BehaviourGroup
{
    Token,
    Revoke,
    Authorize,
    ClientPage,
    Api,
    BeyondTheGuide,
}

public static class BehaviourGroupExtensions
{
    /// <summary>The heading of the group in BEHAVIOURS.md, used as the title of a report section.</summary>
    public static string DisplayName(this BehaviourGroup group) => group switch
    {
        BehaviourGroup.Token => "Token endpoint — POST /oauth/token",
        BehaviourGroup.Revoke => "Revoke endpoint — POST /oauth/revoke",
        BehaviourGroup.Authorize => "Granting authorization — GET /oauth/authorize",
        BehaviourGroup.ClientPage => "OAuth client page — GET /oauth/client",
        BehaviourGroup.Api => "API calls — any /api/ endpoint",
        BehaviourGroup.BeyondTheGuide => "Beyond the guide (advisory)",
        _ => throw new ArgumentOutOfRangeException(nameof(group), group, null),
    };

    /// <summary>A stable machine name (kebab case) for reports: token, revoke, authorize, client-page, api, beyond-the-guide.</summary>
    public static string Key(this BehaviourGroup group) => MachineName.Of(group);
}
