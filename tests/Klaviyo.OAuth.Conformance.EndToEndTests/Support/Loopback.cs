using System.Net;
using System.Net.Sockets;

namespace Klaviyo.OAuth.Conformance.EndToEndTests.Support;

/// <summary>Ports on 127.0.0.1: every server these tests start binds there and nowhere else.</summary>
public static class Loopback
{
    /// <summary>A port nothing listens on right now (the OS picked it; it is released before returning).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public static Uri Url(int port) => new($"http://127.0.0.1:{port}/");
}
