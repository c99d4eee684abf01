namespace Klaviyo.OAuth.Emulator.Http;

/// <summary>
/// /oauth/token and /oauth/revoke sent to the web host: the CDN in front of www.klaviyo.com
/// refuses non-cachable methods with its 403 page; a GET finds no page.
/// </summary>
internal static class WrongHostEndpoint
{
    public static EmulatorResponse Handle(EmulatorRequest request) =>
        request.Method is "GET" or "HEAD"
            ? HtmlPages.NotFound($"{request.Path} is served by the API host")
            : HtmlPages.Cdn403($"{request.Method} {request.Path} sent to the web host");
}
