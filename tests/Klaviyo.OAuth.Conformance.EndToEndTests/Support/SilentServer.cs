using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Klaviyo.OAuth.Conformance.EndToEndTests.Support;

/// <summary>
/// A target that accepts TCP connections on 127.0.0.1 and never answers: a request to it can only
/// time out. Closes everything when disposed or when its lifetime is over.
/// </summary>
public sealed class SilentServer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _lifetime;
    private readonly ConcurrentBag<TcpClient> _held = [];
    private readonly Task _accepting;

    private SilentServer(TimeSpan lifetime)
    {
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        Url = Loopback.Url(((IPEndPoint)_listener.LocalEndpoint).Port);
        _lifetime = new CancellationTokenSource(lifetime);
        _accepting = AcceptAsync(_lifetime.Token);
    }

    public Uri Url { get; }

    /// <summary>How many connections it has accepted (and left unanswered).</summary>
    public int Connections => _held.Count;

    public static SilentServer Start(TimeSpan? lifetime = null) => new(lifetime ?? TimeSpan.FromMinutes(5));

    public async ValueTask DisposeAsync()
    {
        await _lifetime.CancelAsync();
        _listener.Stop();
        await _accepting;
        foreach (var client in _held)
        {
            client.Dispose();
        }

        _lifetime.Dispose();
    }

    private async Task AcceptAsync(CancellationToken stop)
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                _held.Add(await _listener.AcceptTcpClientAsync(stop));
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopped.
        }
        finally
        {
            _listener.Stop();
        }
    }
}
