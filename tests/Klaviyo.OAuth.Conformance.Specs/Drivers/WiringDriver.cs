using System.Net.Http.Headers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Klaviyo.OAuth.Conformance.Specs.Drivers;

/// <summary>Temporary: proves step → driver → HTTP → WireMock.Net → assertion until the catalogue replaces it.</summary>
public sealed class WiringDriver : IDisposable
{
    private readonly WireMockServer _server = WireMockServer.Start();
    private readonly HttpClient _http = new();

    public HttpResponseMessage? LastResponse { get; private set; }

    public void TokenEndpointRefusesUnknownClients() =>
        _server.Given(Request.Create().WithPath("/oauth/token").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(401).WithHeader("Content-Type", "application/json").WithBody("""{"error":"invalid_client"}"""));

    public async Task PostTokenRequestWithoutCredentialsAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(new Uri(_server.Url!), "/oauth/token"))
        {
            Content = new FormUrlEncodedContent([new("grant_type", "refresh_token")]),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        LastResponse = await _http.SendAsync(request);
    }

    public void Dispose()
    {
        LastResponse?.Dispose();
        _http.Dispose();
        _server.Stop();
        _server.Dispose();
    }
}
