namespace Klaviyo.OAuth.Emulator.Standalone;

/// <summary>A ready-made client and signed-in owner, so a developer can start with curl at once.</summary>
internal static class DemoSetup
{
    public static void Print(KlaviyoEmulator emulator, bool controlApi)
    {
        var client = emulator.RegisterClient();
        var account = emulator.CreateAccount(allowlisted: true);
        var owner = emulator.CreateUser(account, UserRole.Owner);
        var session = emulator.SignIn(owner);

        Console.WriteLine($"API host:      {emulator.ApiBaseUrl}   (token URL {emulator.ApiBaseUrl}oauth/token)");
        Console.WriteLine($"Web host:      {emulator.WebBaseUrl}   (authorize URL {emulator.WebBaseUrl}oauth/authorize)");
        Console.WriteLine($"Control API:   {(controlApi ? emulator.ApiBaseUrl + "__control/" : "off")}");
        Console.WriteLine($"Sign in:       {emulator.WebBaseUrl}login   (pick an account and a role in the browser)");
        Console.WriteLine($"Health:        {emulator.ApiBaseUrl}__health and {emulator.WebBaseUrl}__health");
        Console.WriteLine("Demo client:");
        Console.WriteLine($"  client_id     {client.ClientId}");
        Console.WriteLine($"  client_secret {client.ClientSecret}");
        Console.WriteLine($"  redirect_uri  {client.RedirectUris[0]}");
        Console.WriteLine($"Signed-in owner of allowlisted account {account}:");
        Console.WriteLine($"  cookie        {session.CookieName}={session.CookieValue}");
    }
}
