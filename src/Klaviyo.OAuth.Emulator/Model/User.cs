namespace Klaviyo.OAuth.Emulator.Model;

/// <summary>A person who signs in to the web host, with one role in one account.</summary>
internal sealed record User(string Id, string AccountId, UserRole Role)
{
    /// <summary>Only owners, admins and managers can grant an app access or see its settings page.</summary>
    public bool CanManageApps => Role.MayGrantAccess();
}
