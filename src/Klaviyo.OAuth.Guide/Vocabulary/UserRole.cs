namespace Klaviyo.OAuth.Guide;

/// <summary>The roles a Klaviyo user can hold; only owners, admins and managers may grant an app access.</summary>
public enum UserRole
{
    Owner,
    Admin,
    Manager,
    Analyst,
    CampaignCoordinator,
    ContentCreator,
    Support,
    Custom,
}
