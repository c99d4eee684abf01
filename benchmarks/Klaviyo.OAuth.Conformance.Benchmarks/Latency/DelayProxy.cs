using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;

namespace Klaviyo.OAuth.Conformance.Benchmarks.Latency;

/// <summary>
/// A TCP forwarding proxy on loopback that puts a host at internet distance: every chunk of bytes
/// reaches the other side half a round trip after it was sent, in each direction, and a new
/// connection carries nothing for one round trip (the TCP handshake). Bandwidth is not limited.
/// It counts the connections it accepted, so reuse shows.
/// </summary>
internal sealed class DelayProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly IPEndPoint _upstream;
    private readonly TimeSpan _roundTrip;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _connections = [];
    private Task _accepting = Task.CompletedTask;
    private int _accepted;

    private DelayProxy(Uri upstream, TimeSpan roundTrip)
    {
        _upstream = new IPEndPoint(IPAddress.Parse(upstream.Host), upstream.Port);
        _roundTrip = roundTrip;
    }

    public Uri Url => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

    /// <summary>TCP connections accepted so far.</summary>
    public int Connections => Volatile.Read(ref _accepted);

    public static DelayProxy Start(Uri upstream, TimeSpan roundTrip)
    {
        var proxy = new DelayProxy(upstream, roundTrip);
        proxy._listener.Start();
        proxy._accepting = proxy.AcceptAsync();
        return proxy;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting.ContinueWith(_ => { }, TaskScheduler.Default);
        Task[] open;
        lock (_connections)
        {
            open = [.. _connections];
        }

        await Task.WhenAll(open).ContinueWith(_ => { }, TaskScheduler.Default);
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            Interlocked.Increment(ref _accepted);
            lock (_connections)
            {
                _connections.RemoveAll(t => t.IsCompleted);
                _connections.Add(ForwardAsync(client));
            }
        }
    }

    private async Task ForwardAsync(TcpClient client)
    {
        using (client)
        using (var upstream = new TcpClient())
        {
            try
            {
                client.NoDelay = true;
                upstream.NoDelay = true;
                await upstream.ConnectAsync(_upstream, _stop.Token);
                // SYN, SYN-ACK: the first request leaves a round trip after the connection was asked for.
                var oneWay = _roundTrip / 2;
                var opened = Stopwatch.GetTimestamp() + ToTicks(_roundTrip);
                await Task.WhenAll(
                    PumpAsync(client.GetStream(), upstream.Client, oneWay, opened),
                    PumpAsync(upstream.GetStream(), client.Client, oneWay, 0));
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // A side closed the connection: nothing more to carry.
            }
        }
    }

    /// <summary>Reads chunks as they come and writes each one <paramref name="delay"/> after it was read (never before <paramref name="notBefore"/>).</summary>
    private async Task PumpAsync(NetworkStream from, Socket to, TimeSpan delay, long notBefore)
    {
        var inFlight = Channel.CreateUnbounded<(byte[] Bytes, long Due)>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var writing = WriteWhenDueAsync(inFlight.Reader, to);
        var buffer = new byte[64 * 1024];
        try
        {
            int read;
            while ((read = await from.ReadAsync(buffer, _stop.Token)) > 0)
            {
                var due = Math.Max(Stopwatch.GetTimestamp() + ToTicks(delay), notBefore);
                inFlight.Writer.TryWrite((buffer[..read], due));
            }
        }
        finally
        {
            inFlight.Writer.TryComplete();
            await writing;
        }
    }

    private async Task WriteWhenDueAsync(ChannelReader<(byte[] Bytes, long Due)> inFlight, Socket to)
    {
        await foreach (var (bytes, due) in inFlight.ReadAllAsync(_stop.Token))
        {
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, _stop.Token);
            }

            await to.SendAsync(bytes, SocketFlags.None, _stop.Token);
        }

        to.Shutdown(SocketShutdown.Send);
    }

    private static long ToTicks(TimeSpan span) => (long)(span.TotalSeconds * Stopwatch.Frequency);
}
