namespace Klaviyo.OAuth.Guide;

/// <summary>Klaviyo's guide "Troubleshoot OAuth errors", which every behaviour, tip and rule quotes: its title and where it is published.</summary>
public static class TheGuide
{
    public const string Title = "Troubleshoot OAuth errors";

    public const string Url = "https://developers.klaviyo.com/en/docs/troubleshoot_oauth_errors";
}
