using Klaviyo.OAuth.Emulator.Model;

namespace Klaviyo.OAuth.Emulator.Http;

/// <summary>
/// What /oauth/token and /oauth/revoke check before their own logic, in this order: method,
/// outage (attributed to the client the request names), body (size, UTF-8, strict form syntax),
/// then Basic client authentication. Only the invalid_client answer differs between them.
/// </summary>
internal static class ClientRequestGate
{
    /// <summary>Returns the refusal, or null with the authenticated client and the form (null if not form-urlencoded).</summary>
    public static EmulatorResponse? Admit(
        Emulation emulation,
        EmulatorRequest request,
        EndpointFamily family,
        Func<string, EmulatorResponse> invalidClient,
        out Client? client,
        out FormFields? form)
    {
        client = null;
        form = null;
        if (request.Method != "POST")
        {
            return OAuthError.Of(405, "invalid_request", "Method not allowed; use POST.", $"method {request.Method} not allowed").WithHeader("Allow", "POST");
        }

        var credentials = ClientAuthentication.Parse(request.HeaderValues("Authorization"));
        var maxBodyBytes = emulation.Options.MaxBodyBytes;
        if (emulation.Outages.IsDown(family, RequestOwner.ClientOf(emulation, request)))
        {
            return OAuthError.Unavailable($"{family} outage");
        }

        if (CheckBody(request, maxBodyBytes, out form) is { } badBody)
        {
            return badBody;
        }

        var check = credentials.IsParsed
            ? emulation.Clients.Authenticate(credentials.ClientId!, credentials.Secret!)
            : new ClientCheck(null, credentials.Failure!);
        client = check.Client;
        request.RecognisedClientId = client?.Id;
        if (client is null)
        {
            return invalidClient(form?["client_id"] is not null && !credentials.IsParsed
                ? check.Reason + " (credentials in the form body are not accepted)"
                : check.Reason);
        }

        return null;
    }

    private static EmulatorResponse? CheckBody(EmulatorRequest request, int maxBodyBytes, out FormFields? form)
    {
        form = null;
        if (request.Body.Length > maxBodyBytes)
        {
            return OAuthError.Of(400, "invalid_request", "Request body is too large.", $"body of {request.Body.Length} bytes exceeds {maxBodyBytes}");
        }

        if (!FormFields.IsUtf8(request.Body))
        {
            return OAuthError.Of(400, "invalid_request", "Request body is not valid UTF-8.", "body is not valid UTF-8");
        }

        if (request.IsFormUrlEncoded)
        {
            form = FormFields.TryParse(request.Body, out var error);
            if (form is null)
            {
                return OAuthError.Of(400, "invalid_request", "Malformed form body.", error ?? "malformed form body");
            }
        }

        return null;
    }
}
