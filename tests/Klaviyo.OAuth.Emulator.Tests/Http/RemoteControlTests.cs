using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Text.Json;
using Klaviyo.OAuth.Emulator.Http;

namespace Klaviyo.OAuth.Emulator.Tests.Http;

/// <summary>
/// The control API and the admin API answer loopback only, request by request. The remote that is
/// not loopback is real: the client's socket is bound to another address of this machine (e.g.
/// eth0's) before it connects to the emulator's loopback port, so Kestrel sees that address as the
/// peer. Where the machine has no such address those tests say so and are skipped; the decision
/// itself is also checked at the endpoint seam with a request from 192.0.2.10.
/// </summary>
public class RemoteControlTests
{
    private static readonly IPAddress? OtherAddress = NetworkInterface.GetAllNetworkInterfaces()
        .Where(n => n.OperationalStatus == OperationalStatus.Up && n.NetworkInterfaceType != NetworkInterfaceType.Loopback)
        .SelectMany(n => n.GetIPProperties().UnicastAddresses)
        .Select(a => a.Address)
        .FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a));

    [TestCase("__control/")]
    [TestCase("__control/journal")]
    [TestCase("__admin/mappings")]
    public async Task A_request_from_another_address_gets_403_saying_how_to_allow_it(string path)
    {
        using var http = FromOtherAddress();

        using var refused = await http.GetAsync(new Uri(SharedEmulator.Emulator.ApiBaseUrl, path));
        using var health = await http.GetAsync(new Uri(SharedEmulator.Emulator.ApiBaseUrl, "__health"));

        refused.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var body = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement;
        body.GetProperty("error").GetString().Should().Contain("loopback").And.Contain(OtherAddress!.ToString());
        body.GetProperty("allow").GetString().Should().Contain("--allow-remote-control");
        health.StatusCode.Should().Be(HttpStatusCode.OK, "only the control and admin APIs are loopback only");
        SharedEmulator.Emulator.Journal.Should().Contain(e => e.Path == "/" + path && e.Status == 403);
    }

    [Test]
    public async Task With_allow_remote_control_another_address_is_answered()
    {
        using var emulator = KlaviyoEmulator.Start(new EmulatorOptions { AllowRemoteControl = true });
        using var http = FromOtherAddress();

        using var control = await http.GetAsync(new Uri(emulator.ApiBaseUrl, "__control/"));
        using var admin = await http.GetAsync(new Uri(emulator.ApiBaseUrl, "__admin/mappings"));

        control.StatusCode.Should().Be(HttpStatusCode.OK);
        admin.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [TestCase("127.0.0.1")]
    [TestCase("::1")]
    public async Task Loopback_requests_over_IPv4_and_IPv6_are_answered(string loopback)
    {
        using var http = OwnEmulator.Client();
        var url = new UriBuilder(SharedEmulator.Emulator.ApiBaseUrl) { Host = IPAddress.Parse(loopback).AddressFamily == AddressFamily.InterNetworkV6 ? $"[{loopback}]" : loopback }.Uri;

        using var control = await http.GetAsync(new Uri(url, "__control/"));
        using var admin = await http.GetAsync(new Uri(url, "__admin/mappings"));

        control.StatusCode.Should().Be(HttpStatusCode.OK);
        admin.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [TestCase("127.0.0.1", true)]
    [TestCase("127.0.0.2", true)]
    [TestCase("::1", true)]
    [TestCase("::ffff:127.0.0.1", true)]
    [TestCase("::ffff:192.0.2.10", false)]
    [TestCase("192.0.2.10", false)]
    [TestCase("fd00::2", false)]
    public void Loopback_is_127_slash_8_and_colon_colon_1_also_mapped_to_IPv6(string address, bool loopback) =>
        RemoteControl.IsLoopback(IPAddress.Parse(address)).Should().Be(loopback);

    [Test]
    public void At_the_endpoint_seam_a_remote_request_is_refused_unless_allowed_and_an_unknown_remote_is_refused_too()
    {
        var answered = EmulatorResponse.Empty(204, "answered");
        EmulatorResponse Endpoint(EmulatorRequest request) => answered;
        EmulatorRequest From(string? address) => new("GET", "/__control/", string.Empty, [], [], address is null ? null : IPAddress.Parse(address));

        RemoteControl.LoopbackOnly(Endpoint, allowRemote: false)(From("192.0.2.10")).Status.Should().Be(403);
        RemoteControl.LoopbackOnly(Endpoint, allowRemote: false)(From(null)).Status.Should().Be(403);
        RemoteControl.LoopbackOnly(Endpoint, allowRemote: false)(From("127.0.0.1")).Should().BeSameAs(answered);
        RemoteControl.LoopbackOnly(Endpoint, allowRemote: true)(From("192.0.2.10")).Should().BeSameAs(answered);
    }

    // Connects from this machine's other address to the emulator's loopback port.
    private static HttpClient FromOtherAddress()
    {
        if (OtherAddress is null)
        {
            Assert.Ignore("This machine has no IPv4 address but loopback to send from.");
        }

        var handler = new SocketsHttpHandler
        {
            UseProxy = false,
            ConnectCallback = async (context, cancellation) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                try
                {
                    socket.Bind(new IPEndPoint(OtherAddress!, 0));
                    await socket.ConnectAsync(IPAddress.Parse(context.DnsEndPoint.Host), context.DnsEndPoint.Port, cancellation);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return new HttpClient(handler, disposeHandler: true);
    }
}
