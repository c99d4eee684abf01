using System.Diagnostics.CodeAnalysis;
using Klaviyo.OAuth.Emulator.Model;

namespace Klaviyo.OAuth.Emulator.Http;

/// <summary>
/// What /oauth/token and /oauth/revoke check before their own logic, in this order: method,
/// outage (attributed to the client the request names), body (size, UTF-8, strict form syntax),
/// then Basic client authentication. Only the invalid_client answer differs between them.
/// </summary>
internal static class ClientRequestGate
{
    /// <summary>The refusal, or the authenticated client and the form (null if not form-urlencoded).</summary>
    public static Admission Admit(
        Emulation emulation,
        EmulatorRequest request,
        EndpointFamily family,
        Func<string, EmulatorResponse> invalidClient)
    {
        if (request.Method != "POST")
        {
            return Admission.Refused(OAuthError.Of(405, "invalid_request", "Method not allowed; use POST.", $"method {request.Method} not allowed").WithHeader("Allow", "POST"));
        }

        var credentials = ClientAuthentication.Parse(request.HeaderValues("Authorization"));
        var maxBodyBytes = emulation.Options.MaxBodyBytes;
        if (emulation.Outages.IsDown(family, RequestOwner.ClientOf(emulation, request)))
        {
            return Admission.Refused(OAuthError.Unavailable($"{family} outage"));
        }

        if (CheckBody(request, maxBodyBytes, out var form) is { } badBody)
        {
            return Admission.Refused(badBody);
        }

        var check = credentials.IsParsed
            ? emulation.Clients.Authenticate(credentials.ClientId!, credentials.Secret!)
            : new ClientCheck(null, credentials.Failure!);
        if (check.Client is not { } client)
        {
            return Admission.Refused(invalidClient(form?["client_id"] is not null && !credentials.IsParsed
                ? check.Reason + " (credentials in the form body are not accepted)"
                : check.Reason));
        }

        return new Admission(null, client, form);
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

/// <summary>What the gate decided: a refusal, or the authenticated client and its form (null if not form-urlencoded).</summary>
internal sealed record Admission(EmulatorResponse? Refusal, Client? Client, FormFields? Form)
{
    [MemberNotNullWhen(true, nameof(Refusal))]
    [MemberNotNullWhen(false, nameof(Client))]
    public bool IsRefused => Refusal is not null;

    public static Admission Refused(EmulatorResponse refusal) => new(refusal, null, null);

    /// <summary>The refusal, or the admitted request's answer stamped with the app it came from.</summary>
    public EmulatorResponse Then(Func<Client, FormFields?, EmulatorResponse> answer) =>
        IsRefused ? Refusal : answer(Client, Form).ForClient(Client.Id);
}
