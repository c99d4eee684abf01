using Klaviyo.OAuth.Guide.Redaction;
using Klaviyo.OAuth.Guide.Traffic;

namespace Klaviyo.OAuth.Guide.Conduct;

/// <summary>
/// One app's traffic to Klaviyo (or the emulator), oldest first, as the conduct rules read it.
/// Exchanges without a time keep their recorded order; time-based rules skip them and say so.
/// </summary>
public sealed class AppTraffic
{
    /// <summary>Klaviyo's web hosts: token and revoke requests sent there fail (the guide's 403 HTML).</summary>
    public static readonly IReadOnlyList<string> KlaviyoWebHosts = ["www.klaviyo.com", "klaviyo.com"];

    public AppTraffic(IEnumerable<RecordedExchange> exchanges, IEnumerable<string>? webHostAuthorities = null, SecretRedactor? redactor = null)
    {
        ArgumentNullException.ThrowIfNull(exchanges);
        var webHosts = new HashSet<string>(KlaviyoWebHosts.Concat(webHostAuthorities ?? []), StringComparer.OrdinalIgnoreCase);
        Redactor = redactor ?? new SecretRedactor();
        var recorded = exchanges.ToList();
        // A capture may list requests out of order (HAR pages); when every one has a time, time decides.
        var ordered = recorded.All(e => e.Time is not null) ? recorded.OrderBy(e => e.Time).ToList() : recorded;
        Requests = [.. ordered.Select((e, i) => new AppRequest(i + 1, e, webHosts.Contains(e.Url.Authority) || webHosts.Contains(e.Url.Host)))];
    }

    public IReadOnlyList<AppRequest> Requests { get; }

    /// <summary>Masks secrets in the evidence; the app's own client secret can be registered with it.</summary>
    public SecretRedactor Redactor { get; }

    /// <summary>Token and revoke requests: the ones that carry client authentication.</summary>
    public IEnumerable<AppRequest> ClientAuthenticated => Requests.Where(r => r.Kind is RequestKind.Token or RequestKind.Revoke);

    /// <summary>The evidence for one request, redacted.</summary>
    public ConductEvidence Evidence(AppRequest request, string breach, string diagnosis) =>
        new(request.Index, request.Time, Redactor.Redact($"{request.Exchange.Method} {request.Exchange.Url}"), request.Status, Redactor.Redact(breach), diagnosis);
}
