using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Klaviyo.OAuth.Emulator.Http;

/// <summary>
/// Runs in front of WireMock's own request parsing, which answers some requests it cannot parse
/// (a broken chunked body, a query parameter without a name) with a 500 and a stack trace before
/// any endpoint sees them. Here the body is read first, and whatever WireMock throws becomes the
/// emulator's own 400, journaled like every other answer.
/// </summary>
internal sealed class RequestGuard(Action<HttpContext, EmulatorResponse> journal)
{
    public void Install(object applicationBuilder) => ((IApplicationBuilder)applicationBuilder).Use(next => context => GuardAsync(context, next));

    private async Task GuardAsync(HttpContext context, RequestDelegate next)
    {
        context.Request.EnableBuffering();
        try
        {
            await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted);
            context.Request.Body.Position = 0;
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            await RefuseAsync(context, "Request body is too large.", "400 body over the host's limit");
            return;
        }
        catch (BadHttpRequestException)
        {
            await RefuseAsync(context, "The request body is not valid HTTP (a broken length or chunked encoding).", "400 unreadable body");
            return;
        }
        catch (IOException)
        {
            // The client went away mid-body: there is no one left to answer.
            return;
        }

        try
        {
            await next(context);
        }
        catch (Exception e) when (!context.Response.HasStarted && e is not OperationCanceledException)
        {
            await RefuseAsync(context, "Malformed request.", $"400 request the host could not parse ({e.GetType().Name})");
        }
    }

    private async Task RefuseAsync(HttpContext context, string description, string outcome)
    {
        var response = EmulatorResponse.Json(400, JsonText.Error("invalid_request", description), outcome);
        journal(context, response);
        if (context.Response.HasStarted)
        {
            return;
        }

        context.Response.Clear();
        context.Response.StatusCode = response.Status;
        context.Response.ContentType = response.ContentType;
        // The connection may be in an unknown state after a broken body; do not reuse it.
        context.Response.Headers.Connection = "close";
        await context.Response.WriteAsync(response.Body, EmulatorResponse.Utf8, context.RequestAborted);
    }
}
