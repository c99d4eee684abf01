namespace Klaviyo.OAuth.Emulator.Model;

/// <summary>The roles' wire names (owner, campaign_coordinator, …), shared by the control API and the sign-in page.</summary>
internal static class RoleNames
{
    public static readonly IReadOnlyList<(string Name, UserRole Role)> All =
    [
        ("owner", UserRole.Owner),
        ("admin", UserRole.Admin),
        ("manager", UserRole.Manager),
        ("analyst", UserRole.Analyst),
        ("campaign_coordinator", UserRole.CampaignCoordinator),
        ("content_creator", UserRole.ContentCreator),
        ("support", UserRole.Support),
        ("custom", UserRole.Custom),
    ];

    public static UserRole? Parse(string? name)
    {
        foreach (var (wireName, role) in All)
        {
            if (wireName == name)
            {
                return role;
            }
        }

        return null;
    }

    public static string NameOf(UserRole role) => All.First(r => r.Role == role).Name;

    public static string Listing => string.Join(", ", All.Take(All.Count - 1).Select(r => r.Name)) + " or " + All[^1].Name;
}
