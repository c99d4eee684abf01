using System.Globalization;
using Klaviyo.OAuth.Guide.Catalogue;

namespace Klaviyo.OAuth.Guide.Conduct.Rules;

/// <summary>
/// client.after-unavailable: after a 503 the app waits (Retry-After when given, else at least
/// <see cref="MinimumWait"/>) before it tries the same endpoint again, and stops after
/// <see cref="MaximumTries"/> answers of 503 in a row.
/// </summary>
public sealed class AfterUnavailableRule() : ConductRule(new(
        "client.after-unavailable", RequirementLevel.RfcShould,
        "After a 503, waits (at least Retry-After when given) before trying the same endpoint again, and gives up after a bounded number of tries.",
        "RFC 9110 §10.2.3 (Retry-After)",
        ["token.unavailable", "revoke.unavailable", "authorize.unavailable", "api.unavailable"]))
{
    /// <summary>Without Retry-After, a retry sooner than this is a tight loop.</summary>
    public static readonly TimeSpan MinimumWait = TimeSpan.FromSeconds(1);

    /// <summary>More 503s in a row than this on one endpoint is not a bounded number of tries.</summary>
    public const int MaximumTries = 5;

    public override string Situation => "A 503 exercises it: start a token outage (PUT /__control/outages/token), let the app refresh, end it (DELETE /__control/outages/token).";

    protected override IEnumerable<AppRequest> Exercising(AppTraffic traffic) =>
        traffic.Requests.Where(r => r.Status == 503 && r.Time is not null);

    protected override IEnumerable<ConductEvidence> Breaches(AppTraffic traffic, IReadOnlyList<AppRequest> exercised)
    {
        foreach (var endpoint in traffic.Requests.Where(r => r.Time is not null).GroupBy(r => r.Endpoint, StringComparer.Ordinal))
        {
            AppRequest? previous = null;
            var inARow = 0;
            foreach (var request in endpoint)
            {
                if (previous is { Status: 503 })
                {
                    var waited = request.Time!.Value - previous.Time!.Value;
                    var wait = RetryAfter(previous) ?? MinimumWait;
                    if (waited < wait)
                    {
                        yield return traffic.Evidence(request, $"tried again {waited.TotalSeconds:0.###} s after a 503 (request {previous.Index}); waiting {wait.TotalSeconds:0.#} s was due", BehaviourOf(request));
                    }
                }

                inARow = request.Status == 503 ? inARow + 1 : 0;
                if (inARow == MaximumTries + 1)
                {
                    yield return traffic.Evidence(request, $"{inARow} answers of 503 in a row on {request.Endpoint} without giving up", BehaviourOf(request));
                }

                previous = request;
            }
        }
    }

    private static string BehaviourOf(AppRequest request) => request.Kind switch
    {
        RequestKind.Token => "token.unavailable",
        RequestKind.Revoke => "revoke.unavailable",
        RequestKind.Authorize => "authorize.unavailable",
        _ => "api.unavailable",
    };

    private static TimeSpan? RetryAfter(AppRequest request)
    {
        var value = request.Exchange.Response?.Headers.First("Retry-After");
        if (value is null)
        {
            return null;
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return TimeSpan.FromSeconds(seconds);
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date) && request.Time is { } at
            ? date - at
            : null;
    }
}
