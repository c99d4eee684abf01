namespace Klaviyo.OAuth.Emulator;

/// <summary>The roles a Klaviyo user can have in an account.</summary>
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
