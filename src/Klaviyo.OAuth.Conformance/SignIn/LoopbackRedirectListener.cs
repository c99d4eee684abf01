using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Klaviyo.OAuth.Conformance.SignIn;

/// <summary>
/// Listens where a loopback <c>http</c> redirect URI points (RFC 8252 §7.3) and hands back the first
/// request to its path: the browser arriving with the code. Answers it with a page that says to go
/// back to the console; anything else (a favicon) gets 404 and the wait goes on.
/// </summary>
public sealed class LoopbackRedirectListener : IAsyncDisposable
{
    private const int MaxRequestHead = 16 * 1024;

    private readonly List<TcpListener> _listeners = [];
    private readonly Uri _redirectUri;

    private LoopbackRedirectListener(Uri redirectUri) => _redirectUri = redirectUri;

    /// <summary>Whether the suite can listen at the redirect URI: http, on 127.0.0.1, [::1] or localhost, with a port.</summary>
    public static bool CanListenAt(string redirectUri) =>
        Uri.TryCreate(redirectUri, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback && uri.Port > 0;

    /// <summary>Starts listening; throws <see cref="SignInException"/> naming the port when it is taken.</summary>
    public static LoopbackRedirectListener Start(string redirectUri)
    {
        var uri = new Uri(redirectUri);
        var listener = new LoopbackRedirectListener(uri);
        IPAddress[] addresses = uri.HostNameType == UriHostNameType.IPv6 ? [IPAddress.IPv6Loopback]
            : uri.HostNameType == UriHostNameType.IPv4 ? [IPAddress.Loopback]
            : [IPAddress.Loopback, IPAddress.IPv6Loopback];
        foreach (var address in addresses)
        {
            try
            {
                var tcp = new TcpListener(address, uri.Port);
                tcp.Start();
                listener._listeners.Add(tcp);
            }
            catch (SocketException e)
            {
                if (addresses.Length > 1 && address.Equals(IPAddress.IPv6Loopback) && listener._listeners.Count > 0)
                {
                    continue; // localhost may have no IPv6 loopback here; 127.0.0.1 is enough.
                }

                listener.DisposeAsync().AsTask().GetAwaiter().GetResult();
                throw new SignInException(
                    $"Cannot listen at the redirect URI {uri.GetLeftPart(UriPartial.Path)} for the browser's return: {e.Message}. Free port {uri.Port}, or register a redirect URI on a free loopback port.");
            }
        }

        return listener;
    }

    /// <summary>Waits for the browser to arrive at the redirect URI's path; returns the full URL it was sent to.</summary>
    public async Task<Uri> ReceiveAsync(CancellationToken cancellationToken)
    {
        var accepts = _listeners.Select(l => AcceptAsync(l, cancellationToken)).ToList();
        while (true)
        {
            var done = await Task.WhenAny(accepts);
            var index = accepts.IndexOf(done);
            if (await done is { } received)
            {
                return received;
            }

            accepts[index] = AcceptAsync(_listeners[index], cancellationToken);
        }
    }

    private async Task<Uri?> AcceptAsync(TcpListener listener, CancellationToken cancellationToken)
    {
        using var client = await listener.AcceptTcpClientAsync(cancellationToken);
        await using var stream = client.GetStream();
        var head = await ReadHeadAsync(stream, cancellationToken);
        var target = head.Split("\r\n", 2)[0].Split(' ') is [_, var path, ..] ? path : "/";
        var arrived = new Uri(_redirectUri, target);
        var ours = string.Equals(arrived.AbsolutePath, _redirectUri.AbsolutePath, StringComparison.Ordinal);
        var page = ours
            ? "<!doctype html><title>Klaviyo OAuth conformance</title><p>The conformance suite received the approval. You can close this tab and go back to the console.</p>"
            : "<!doctype html><title>Not found</title><p>Not the redirect URI.</p>";
        var body = Encoding.UTF8.GetBytes(page);
        var answer = Encoding.ASCII.GetBytes(
            $"HTTP/1.1 {(ours ? "200 OK" : "404 Not Found")}\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {body.Length}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n");
        await stream.WriteAsync(answer, cancellationToken);
        await stream.WriteAsync(body, cancellationToken);
        return ours ? arrived : null;
    }

    private static async Task<string> ReadHeadAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var buffer = new byte[MaxRequestHead];
        var length = 0;
        while (length < buffer.Length)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken);
            if (read == 0)
            {
                break;
            }

            length += read;
            if (Encoding.ASCII.GetString(buffer, 0, length).Contains("\r\n\r\n", StringComparison.Ordinal))
            {
                break;
            }
        }

        return Encoding.ASCII.GetString(buffer, 0, length);
    }

    public ValueTask DisposeAsync()
    {
        foreach (var listener in _listeners)
        {
            listener.Stop();
            listener.Dispose();
        }

        return ValueTask.CompletedTask;
    }
}
