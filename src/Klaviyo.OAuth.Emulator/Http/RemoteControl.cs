using System.Net;

namespace Klaviyo.OAuth.Emulator.Http;

/// <summary>
/// The control API and WireMock's admin API change every answer, so they answer only requests from
/// this machine (a loopback remote address, IPv4 or IPv6), unless
/// <see cref="EmulatorOptions.AllowRemoteControl"/> lets anyone in. Checked on every request, not
/// only when the host binds: a loopback port can still be reached through a forwarded port or from
/// another address of this machine.
/// </summary>
internal static class RemoteControl
{
    public static Func<EmulatorRequest, EmulatorResponse> LoopbackOnly(Func<EmulatorRequest, EmulatorResponse> endpoint, bool allowRemote) =>
        allowRemote ? endpoint : request => IsLoopback(request.RemoteAddress) ? endpoint(request) : Refusal(request);

    /// <summary>127.0.0.0/8 and ::1, also as an IPv4-mapped IPv6 address; an unknown remote is not loopback.</summary>
    public static bool IsLoopback(IPAddress? address) =>
        address is not null && IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);

    private static EmulatorResponse Refusal(EmulatorRequest request) =>
        EmulatorResponse.Json(
            403,
            JsonText.Serialize(new
            {
                error = $"{request.Path} answers only requests from this machine (loopback), and this one came from {request.RemoteAddress?.ToString() ?? "an unknown address"}.",
                allow = "Start the emulator with --allow-remote-control (EmulatorOptions.AllowRemoteControl) to let other machines use the control API and the admin API; anyone who reaches them can change every answer.",
            }),
            "403 control and admin API answer loopback only");
}
