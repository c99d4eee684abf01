using System.Text.Json;
using Klaviyo.OAuth.Conformance.Http;
using Klaviyo.OAuth.Guide;

namespace Klaviyo.OAuth.Conformance.Targets;

/// <summary>A scenario's app and user in one control call, where the control API offers POST /provisions.</summary>
public sealed partial class ControlApiTarget
{
    private const string ProvisionsRoute = "provisions";

    // Whether POST /provisions exists: the first scenario's call finds out (404 or 405: it does not), the others wait for it.
    private readonly TaskCompletionSource<bool> _provisionsOffered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _provisionsAsked;

    /// <summary>
    /// The app and the signed-in user in one call (POST /__control/provisions), so a scenario waits
    /// one round trip for them instead of four; a control API without that route is asked one thing
    /// at a time, as before.
    /// </summary>
    public async Task<Provisioned> ProvisionAsync(ScenarioProvision wanted, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(wanted);
        if (wanted.IsEmpty
            || (Interlocked.Exchange(ref _provisionsAsked, 1) == 1 && !await _provisionsOffered.Task.WaitAsync(cancellationToken)))
        {
            return await Provisioned.OneByOneAsync(this, wanted, cancellationToken);
        }

        var body = new
        {
            client = wanted.App ? new { redirectUris = new[] { _redirectUri } } : null,
            user = wanted.User is { } u ? new { role = u.Role.ToWireName(), allowlisted = u.AllowlistedAccount } : null,
        };
        var request = new OutgoingRequest(HttpMethod.Post, new Uri(_controlBase + ProvisionsRoute)).WithBody(JsonSerializer.Serialize(body), "application/json");
        HttpExchange exchange;
        try
        {
            exchange = await _http.SendAsync(request, cancellationToken);
        }
        catch
        {
            // Unreachable, or cancelled: the calls waiting try the route themselves.
            _provisionsOffered.TrySetResult(true);
            throw;
        }

        var offered = exchange.Status is not (404 or 405);
        _provisionsOffered.TrySetResult(offered);
        if (!offered)
        {
            return await Provisioned.OneByOneAsync(this, wanted, cancellationToken);
        }

        using var answer = Answer(exchange, request, ProvisionsRoute);
        var app = wanted.App ? App(Part(answer, "client")) : null;
        var user = wanted.User is { } w ? User(Part(answer, "user"), w.Role, w.AllowlistedAccount) : null;
        return new Provisioned(app, user);
    }
}
