using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;

namespace Klaviyo.OAuth.Conformance.Benchmarks.Emulator;

/// <summary>
/// A TCP forwarder that puts an upstream a fixed distance away: every chunk is passed on
/// <see cref="OneWay"/> after it arrived, in each direction, as a line of that latency would (chunks
/// in flight do not queue behind each other's delay). A round trip through it costs twice
/// <see cref="OneWay"/> plus the upstream's own time.
/// </summary>
internal sealed class DelayLine : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly IPEndPoint _upstream;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    public DelayLine(Uri upstream, TimeSpan oneWay)
    {
        _upstream = new IPEndPoint(IPAddress.Parse(upstream.Host), upstream.Port);
        OneWay = oneWay;
        _listener.Start();
        Url = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _accepting = AcceptAsync();
    }

    public TimeSpan OneWay { get; }

    /// <summary>Where to send requests meant for the upstream.</summary>
    public Uri Url { get; }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopped.
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            _ = ForwardAsync(client);
        }
    }

    private async Task ForwardAsync(TcpClient client)
    {
        using (client)
        using (var upstream = new TcpClient { NoDelay = true })
        {
            client.NoDelay = true;
            try
            {
                await upstream.ConnectAsync(_upstream, _stop.Token);
                using var either = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
                var there = PumpAsync(client.GetStream(), upstream.GetStream(), either.Token);
                var back = PumpAsync(upstream.GetStream(), client.GetStream(), either.Token);
                await Task.WhenAny(there, back);
                await either.CancelAsync();
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or IOException)
            {
                // One side closed, or the line stops.
            }
        }
    }

    // Reads as chunks arrive and writes each one when its time comes, independently of the reads.
    private async Task PumpAsync(NetworkStream from, NetworkStream to, CancellationToken cancellation)
    {
        var inFlight = Channel.CreateUnbounded<(byte[] Chunk, long Due)>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var writing = WriteWhenDueAsync(inFlight.Reader, to, cancellation);
        try
        {
            var buffer = new byte[64 * 1024];
            int read;
            while ((read = await from.ReadAsync(buffer, cancellation)) > 0)
            {
                inFlight.Writer.TryWrite((buffer[..read], Stopwatch.GetTimestamp() + (long)(OneWay.TotalSeconds * Stopwatch.Frequency)));
            }
        }
        finally
        {
            inFlight.Writer.TryComplete();
        }

        await writing;
    }

    private static async Task WriteWhenDueAsync(ChannelReader<(byte[] Chunk, long Due)> inFlight, NetworkStream to, CancellationToken cancellation)
    {
        await foreach (var (chunk, due) in inFlight.ReadAllAsync(cancellation))
        {
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, cancellation);
            }

            await to.WriteAsync(chunk, cancellation);
        }
    }
}
