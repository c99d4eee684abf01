using Klaviyo.OAuth.Conformance.Http;

namespace Klaviyo.OAuth.Conformance.Targets;

/// <summary>
/// Before any scenario, one request to each configured host (API, web, and the control API when
/// there is one). Any HTTP answer, whatever its status, proves the host reachable; a refused
/// connection, a name that does not resolve, a failed TLS handshake or a timeout does not. A run
/// whose target is unreachable learns nothing about conformance, so it says so once instead of
/// failing every scenario.
/// </summary>
public static class TargetPreflight
{
    /// <summary>The verdict reason of every behaviour of a run whose target could not be reached.</summary>
    public const string NotVerifiedReason = "Not verified: target unreachable";

    /// <summary>The hosts a run will speak to, each once: API, web, and the control API if the target has one.</summary>
    public static IReadOnlyList<Uri> HostsOf(IConformanceTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var hosts = new List<Uri> { target.ApiBaseUrl, target.WebBaseUrl };
        if (target is ControlApiTarget controlled)
        {
            hosts.Add(controlled.ControlUrl);
        }

        return hosts.DistinctBy(h => h.AbsoluteUri, StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>
    /// Reaches every host of the target at once; null when all answered, otherwise one message that
    /// names each unreachable URL and its cause. Bounded by the client's timeout.
    /// </summary>
    public static async Task<string?> FindUnreachableAsync(IConformanceTarget target, TargetHttpClient http, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(http);
        var causes = await Task.WhenAll(HostsOf(target).Select(host => ReachAsync(host, http, cancellationToken)));
        var unreachable = causes.OfType<string>().ToList();
        return unreachable.Count == 0
            ? null
            : "The target could not be reached, so no behaviour was verified:" + Environment.NewLine
              + string.Join(Environment.NewLine, unreachable.Select(cause => "  " + cause));
    }

    private static async Task<string?> ReachAsync(Uri host, TargetHttpClient http, CancellationToken cancellationToken)
    {
        try
        {
            await http.SendAsync(new OutgoingRequest(HttpMethod.Get, host), cancellationToken);
            return null;
        }
        catch (TargetUnreachableException unreachable)
        {
            return unreachable.Message;
        }
    }
}
