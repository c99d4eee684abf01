using System.Text;

namespace Klaviyo.OAuth.Conformance.EndToEndTests.Support;

/// <summary>A target that answers every request 200 text/html with the same long page, where the suite expects JSON.</summary>
public static class HtmlServer
{
    public const string Start = "<html><head><title>Down for maintenance</title></head><body><h1>We will be right back</h1>";

    /// <summary>Only at the very end of the page: a failure that shows it did not truncate what came back.</summary>
    public const string End = "<p id=\"end-of-maintenance-page\">Thank you for your patience.</p></body></html>";

    public static string Page { get; } = Start
        + string.Concat(Enumerable.Range(1, 60).Select(i => $"<p>Paragraph {i} of the maintenance notice, which goes on and on.</p>"))
        + End;

    public static Task<LoopbackHttpServer> StartAsync() =>
        LoopbackHttpServer.StartAsync(async context =>
        {
            context.Response.StatusCode = 200;
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(Page), context.RequestAborted);
        });
}
