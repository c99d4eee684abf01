using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Klaviyo.OAuth.Conformance.EndToEndTests.Support;

/// <summary>
/// A small HTTP server on 127.0.0.1 and a free port that answers every request with one handler;
/// it stops when disposed or, at the latest, when its lifetime is over.
/// </summary>
public sealed class LoopbackHttpServer : IAsyncDisposable
{
    private static readonly TimeSpan DefaultLifetime = TimeSpan.FromMinutes(5);

    private readonly WebApplication _app;
    private readonly CancellationTokenSource _lifetime;
    private readonly CancellationTokenRegistration _stopAtEndOfLifetime;

    private LoopbackHttpServer(WebApplication app, CancellationTokenSource lifetime, Uri url)
    {
        _app = app;
        _lifetime = lifetime;
        _stopAtEndOfLifetime = lifetime.Token.Register(() => _ = app.StopAsync());
        Url = url;
    }

    public Uri Url { get; }

    public static async Task<LoopbackHttpServer> StartAsync(RequestDelegate handle, TimeSpan? lifetime = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.Run(handle);
        await app.StartAsync();

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new LoopbackHttpServer(app, new CancellationTokenSource(lifetime ?? DefaultLifetime), new Uri(address.TrimEnd('/') + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _stopAtEndOfLifetime.DisposeAsync();
        // Requests still in flight get a moment, not the host's default 30 s.
        using (var grace = new CancellationTokenSource(TimeSpan.FromSeconds(2)))
        {
            await _app.StopAsync(grace.Token);
        }

        await _app.DisposeAsync();
        _lifetime.Dispose();
    }
}
