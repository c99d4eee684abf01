namespace Klaviyo.OAuth.Emulator.Http;

/// <summary>GET /__health on both hosts: 200 {"status":"ok"} once the host answers, for scripts and containers that wait for readiness.</summary>
internal static class HealthEndpoint
{
    public const string Path = "/__health";

    public static EmulatorResponse Handle(EmulatorRequest request) =>
        request.Method is "GET" or "HEAD"
            ? EmulatorResponse.Json(200, JsonText.Serialize(new { status = "ok" }), "200 healthy")
            : EmulatorResponse.Json(405, JsonText.Error("method_not_allowed"), $"405 {request.Method} on {Path}").WithHeader("Allow", "GET, HEAD");
}
