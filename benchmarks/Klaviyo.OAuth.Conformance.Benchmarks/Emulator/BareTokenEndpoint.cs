using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Klaviyo.OAuth.Conformance.Benchmarks.Emulator;

/// <summary>
/// The platform's floor: Kestrel alone on loopback, reading the request body and answering a fixed
/// token JSON of the emulator's shape, with no routing table, no WireMock and no model.
/// </summary>
internal sealed class BareTokenEndpoint : IAsyncDisposable
{
    private readonly WebApplication _app;

    private BareTokenEndpoint(WebApplication app, Uri tokenUrl)
    {
        _app = app;
        TokenUrl = tokenUrl;
    }

    public Uri TokenUrl { get; }

    /// <summary>The refresh an app sends to the emulator, sent here instead: same body, same Basic header.</summary>
    public async Task<HttpResponseMessage> TokenAsync(HttpClient http, string authorization, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, TokenUrl)
        {
            Content = new StringContent(body, System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        request.Headers.TryAddWithoutValidation("Authorization", authorization);
        return await http.SendAsync(request);
    }

    public static async Task<BareTokenEndpoint> StartAsync(string tokenJson)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.Run(async context =>
        {
            await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted);
            context.Response.ContentType = "application/json";
            context.Response.Headers.CacheControl = "no-store";
            await context.Response.WriteAsync(tokenJson, context.RequestAborted);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new BareTokenEndpoint(app, new Uri(address.TrimEnd('/') + "/oauth/token"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
