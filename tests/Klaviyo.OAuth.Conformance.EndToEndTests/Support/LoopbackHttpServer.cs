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

    private LoopbackHttpServer(WebApplication app, CancellationTokenSource lifetime, Uri url)
    {
        _app = app;
        _lifetime = lifetime;
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
        var stopAfter = new CancellationTokenSource(lifetime ?? DefaultLifetime);
        stopAfter.Token.Register(() => _ = app.StopAsync());
        return new LoopbackHttpServer(app, stopAfter, new Uri(address.TrimEnd('/') + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _lifetime.CancelAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _lifetime.Dispose();
    }
}
