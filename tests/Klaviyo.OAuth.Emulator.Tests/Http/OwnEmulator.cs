using System.Text.Json;
using Klaviyo.OAuth.Conformance.Http;

namespace Klaviyo.OAuth.Emulator.Tests.Http;

/// <summary>An app on an emulator of the test's own (its own options or clock), not the shared one.</summary>
internal static class OwnEmulator
{
    /// <summary>The client HTTP-level tests send with: exactly what a test says, no redirects followed, no cookies kept, no proxy.</summary>
    public static HttpClient Client()
    {
#pragma warning disable CA2000 // The handler is disposed with the client.
        return new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false, UseProxy = false }, disposeHandler: true);
#pragma warning restore CA2000
    }

    /// <summary>An owner approves the app on another emulator than the shared one, and the app exchanges the code (through <paramref name="handler"/> when given).</summary>
    public static async Task<string> AccessToken(KlaviyoEmulator emulator, string scope, HttpMessageHandler? handler = null)
    {
        using var http = handler is null ? new TargetHttpClient(TimeSpan.FromSeconds(30)) : new TargetHttpClient(handler, TimeSpan.FromSeconds(30));
        return (await InstalledApp.InstallAsync(emulator, http, scope)).AccessToken!;
    }

    public static async Task<JsonElement> Get(KlaviyoEmulator emulator, HttpClient http, string token, string path, string? revision)
    {
        using var response = await Send(emulator, http, token, path, revision);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    /// <summary>GET on the API as an app does, with the token and (unless null) the revision.</summary>
    public static async Task<HttpResponseMessage> Send(KlaviyoEmulator emulator, HttpClient http, string token, string path, string? revision = Scenario.Revision)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(emulator.ApiBaseUrl, path));
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
        if (revision is not null)
        {
            request.Headers.Add("revision", revision);
        }

        return await http.SendAsync(request);
    }
}
