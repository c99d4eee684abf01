using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Klaviyo.OAuth.Emulator.Http;

/// <summary>
/// The host's one middleware, in front of WireMock's own (which answers some requests it cannot
/// parse, a broken chunked body or a query parameter without a name, with a 500 and a stack
/// trace). It reads the body whole first: a body that is not valid HTTP, or over the host's limit,
/// gets the emulator's own 400, journaled like every other answer; any other request goes to the
/// emulator's router with its bytes, and never on to WireMock.
/// </summary>
internal sealed class RequestGuard(Func<HttpContext, byte[], RequestDelegate, Task> answer, Action<HttpContext, EmulatorResponse> journal)
{
    public void Install(object applicationBuilder) => ((IApplicationBuilder)applicationBuilder).Use(next => context => GuardAsync(context, next));

    private async Task GuardAsync(HttpContext context, RequestDelegate wireMock)
    {
        byte[] body;
        try
        {
            body = await ReadBodyAsync(context);
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
            await answer(context, body, wireMock);
        }
        catch (Exception e) when (!context.Response.HasStarted && e is not OperationCanceledException)
        {
            await RefuseAsync(context, "Malformed request.", $"400 request the host could not parse ({e.GetType().Name})");
        }
    }

    private static async Task<byte[]> ReadBodyAsync(HttpContext context)
    {
        if (context.Request.ContentLength == 0)
        {
            return [];
        }

        using var buffer = new MemoryStream(context.Request.ContentLength is { } length and <= 1 << 20 ? (int)length : 0);
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        return buffer.ToArray();
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
