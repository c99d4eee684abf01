using System.Net;
using System.Net.Sockets;

namespace Klaviyo.OAuth.Conformance.Tests.Support;

internal static class LoopbackPorts
{
    /// <summary>A loopback port where nothing listens: taken from the OS, then released.</summary>
    public static int Closed()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
