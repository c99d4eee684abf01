using System.Collections.Frozen;

namespace Klaviyo.OAuth.Guide;

/// <summary>
/// Roles as people write them in features ("campaign coordinator") and as they travel on the wire
/// ("campaign_coordinator", the control API's spelling). The one place both spellings are defined.
/// </summary>
public static class UserRoles
{
    private static readonly FrozenDictionary<UserRole, string> WireNames = new Dictionary<UserRole, string>
    {
        [UserRole.Owner] = "owner",
        [UserRole.Admin] = "admin",
        [UserRole.Manager] = "manager",
        [UserRole.Analyst] = "analyst",
        [UserRole.CampaignCoordinator] = "campaign_coordinator",
        [UserRole.ContentCreator] = "content_creator",
        [UserRole.Support] = "support",
        [UserRole.Custom] = "custom",
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<string, UserRole> ByWireName =
        WireNames.ToFrozenDictionary(pair => pair.Value, pair => pair.Key, StringComparer.Ordinal);

    /// <summary>The wire names of all roles, in the enum's order, for messages that list them.</summary>
    public static string WireNameList => string.Join(", ", Enum.GetValues<UserRole>().Select(ToWireName));

    /// <summary>A role as a feature writes it: any case, words separated by spaces or underscores.</summary>
    public static UserRole Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var compact = text.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("_", string.Empty, StringComparison.Ordinal);
        // By name only: Enum.TryParse would also take "7" as a role.
        foreach (var role in Enum.GetValues<UserRole>())
        {
            if (string.Equals(role.ToString(), compact, StringComparison.OrdinalIgnoreCase))
            {
                return role;
            }
        }

        throw new ArgumentException($"'{text}' is not a Klaviyo role (owner, admin, manager, analyst, campaign coordinator, content creator, support, custom).", nameof(text));
    }

    /// <summary>The role's wire name, e.g. <c>campaign_coordinator</c>.</summary>
    public static string ToWireName(this UserRole role) =>
        WireNames.TryGetValue(role, out var name) ? name : throw new ArgumentOutOfRangeException(nameof(role), role, null);

    /// <summary>The role a wire name names exactly (lowercase, underscores), or null.</summary>
    public static UserRole? FromWireName(string? name) =>
        name is not null && ByWireName.TryGetValue(name, out var role) ? role : null;

    /// <summary>Only these roles may grant an app access or see the OAuth client page (the guide's glossary).</summary>
    public static bool MayGrantAccess(this UserRole role) => role is UserRole.Owner or UserRole.Admin or UserRole.Manager;
}
