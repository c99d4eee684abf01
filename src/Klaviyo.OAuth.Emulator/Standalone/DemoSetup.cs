namespace Klaviyo.OAuth.Emulator.Standalone;

/// <summary>A ready-made client and signed-in owner, so a developer can start with curl at once.</summary>
internal static class DemoSetup
{
    public static void Print(KlaviyoEmulator emulator, EmulatorOptions options, TextWriter output)
    {
        var client = emulator.RegisterClient();
        var account = emulator.CreateAccount(allowlisted: true);
        var owner = emulator.CreateUser(account, UserRole.Owner);
        var session = emulator.SignIn(owner);

        output.WriteLine($"API host:      {emulator.ApiBaseUrl}   (token URL {emulator.ApiBaseUrl}oauth/token)");
        output.WriteLine($"Web host:      {emulator.WebBaseUrl}   (authorize URL {emulator.WebBaseUrl}oauth/authorize)");
        if (emulator.HttpsCertificate is { } certificate)
        {
            output.WriteLine($"Certificate:   {certificate.Path}   (self-signed, for 127.0.0.1, ::1 and localhost; trust this file in your client)");
            output.WriteLine($"  SHA-256      {certificate.Sha256Fingerprint}");
        }

        output.WriteLine($"Control API:   {(options.EnableControlApi ? emulator.ApiBaseUrl + "__control/" : "off")}");
        if (options.MappingsDirectory is { } mappings)
        {
            output.WriteLine($"Stubs:         mappings from {Path.GetFullPath(mappings)}{(options.WatchMappings ? " (watched)" : string.Empty)}");
        }

        if (options.EnableControlApi)
        {
            output.WriteLine($"Admin API:     {emulator.ApiBaseUrl}__admin/   (WireMock's, for stubs behind the model)");
        }

        output.WriteLine($"Sign in:       {emulator.WebBaseUrl}login   (pick an account and a role in the browser)");
        output.WriteLine($"Health:        {emulator.ApiBaseUrl}__health and {emulator.WebBaseUrl}__health");
        output.WriteLine("Demo client:");
        output.WriteLine($"  client_id     {client.ClientId}");
        output.WriteLine($"  client_secret {client.ClientSecret}");
        output.WriteLine($"  redirect_uri  {client.RedirectUris[0]}");
        foreach (var registered in options.Clients)
        {
            // The secret is the user's own, from their command line: it is not repeated.
            output.WriteLine($"Registered client {registered.ClientId}   (redirect_uri {registered.RedirectUris[0]})");
        }

        output.WriteLine($"Signed-in owner of allowlisted account {account}:");
        output.WriteLine($"  cookie        {session.CookieName}={session.CookieValue}");
    }
}
