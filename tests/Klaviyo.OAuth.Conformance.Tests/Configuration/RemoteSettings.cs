using Klaviyo.OAuth.Conformance.Configuration;

namespace Klaviyo.OAuth.Conformance.Tests.Configuration;

/// <summary>Valid remote settings to start from; each test breaks or changes one thing.</summary>
internal static class RemoteSettings
{
    public static ConformanceSettings Urls(string? control = null) => new()
    {
        Target = "remote",
        ApiBaseUrl = "https://a.klaviyo.com",
        WebBaseUrl = "https://www.klaviyo.com",
        ControlUrl = control,
    };

    /// <summary>A real Klaviyo app without a control API: credentials and tokens obtained by hand.</summary>
    public static ConformanceSettings RealApp(bool allowDestructive = false)
    {
        var settings = Urls();
        settings.ClientId = "app-client-id";
        settings.ClientSecret = "cs-0a1b2c3d4e5f";
        settings.RedirectUri = "https://app.example.com/oauth/callback";
        settings.RefreshToken = "klr_token-value-1";
        settings.AccessToken = "kla_token-value-2";
        settings.AllowDestructive = allowDestructive;
        return settings;
    }
}
