using System.Globalization;

namespace Klaviyo.OAuth.Conformance.Targets;

/// <summary>Roles as people write them in features ("campaign coordinator") and as the control API spells them ("campaign_coordinator").</summary>
public static class UserRoles
{
    public static UserRole Parse(string text)
    {
        var compact = text.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("_", string.Empty, StringComparison.Ordinal);
        return Enum.TryParse<UserRole>(compact, ignoreCase: true, out var role)
            ? role
            : throw new ArgumentException($"'{text}' is not a Klaviyo role (owner, admin, manager, analyst, campaign coordinator, content creator, support, custom).", nameof(text));
    }

    public static string ToControlName(UserRole role) => role switch
    {
        UserRole.CampaignCoordinator => "campaign_coordinator",
        UserRole.ContentCreator => "content_creator",
        _ => role.ToString().ToLower(CultureInfo.InvariantCulture),
    };
}
