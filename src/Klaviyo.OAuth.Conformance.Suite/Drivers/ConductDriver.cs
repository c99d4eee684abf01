using System.Globalization;
using System.Text;
using Klaviyo.OAuth.Guide.Conduct;
using Klaviyo.OAuth.Guide.Traffic;

namespace Klaviyo.OAuth.Conformance.Suite.Drivers;

/// <summary>
/// The client-conduct scenarios: an app's traffic, written out request by request, and the verdict
/// each rule gives it. No target is involved: the scenarios verify the rule engine, not a server.
/// </summary>
public sealed class ConductDriver
{
    /// <summary>The scenarios' times ("00:05") count from this instant.</summary>
    private static readonly DateTimeOffset Start = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    private readonly List<RecordedExchange> exchanges = [];
    private IReadOnlyList<ConductResult>? results;

    /// <summary>One request as a scenario's table row says it; blank cells are "not sent" (or, for the time, "not recorded").</summary>
    public void Sent(string at, string request, string authorization, string contentType, string body, string answer)
    {
        var space = request.IndexOf(' ', StringComparison.Ordinal);
        if (space < 0)
        {
            throw new ArgumentException($"The request '{request}' is not \"METHOD URL\".", nameof(request));
        }

        var headers = new List<KeyValuePair<string, string>>();
        if (authorization.Length > 0)
        {
            headers.Add(new("Authorization", authorization));
        }

        if (contentType.Length > 0)
        {
            headers.Add(new("Content-Type", contentType));
        }

        exchanges.Add(new RecordedExchange(
            TimeOf(at), request[..space].ToUpperInvariant(), new Uri(request[(space + 1)..].Trim()),
            new RecordedHeaders(headers), Encoding.UTF8.GetBytes(body), AnswerOf(answer)));
        results = null;
    }

    /// <summary>Traffic as a capture gives it (HAR, raw HTTP, curl).</summary>
    public void Captured(string capture)
    {
        exchanges.AddRange(TrafficReader.Parse(capture, "the scenario's capture"));
        results = null;
    }

    public ConductResult Verdict(string ruleId)
    {
        if (ClientRuleCatalogue.Find(ruleId) is null)
        {
            throw new ArgumentException($"No client rule '{ruleId}' in the catalogue.", nameof(ruleId));
        }

        results ??= ConductRules.Grade(new AppTraffic(exchanges));
        return results.Single(r => r.Rule.Id == ruleId);
    }

    private static DateTimeOffset? TimeOf(string at) =>
        at.Length == 0 ? null : Start + TimeSpan.ParseExact(at, [@"mm\:ss", @"mm\:ss\.fff"], CultureInfo.InvariantCulture);

    /// <summary>
    /// "200", "429", "400 invalid_grant" (an OAuth error), "401 authentication_failed" (an API
    /// error), "403 html" (the web host's page), or a status and one header ("503 Retry-After: 5",
    /// "302 Location: https://…").
    /// </summary>
    private static RecordedResponse? AnswerOf(string answer)
    {
        if (answer.Length == 0)
        {
            return null;
        }

        var parts = answer.Split(' ', 2);
        var status = int.Parse(parts[0], CultureInfo.InvariantCulture);
        var rest = parts.Length > 1 ? parts[1].Trim() : "";
        var headers = new List<KeyValuePair<string, string>>();
        var body = "";
        var colon = rest.IndexOf(": ", StringComparison.Ordinal);
        if (colon > 0)
        {
            headers.Add(new(rest[..colon], rest[(colon + 2)..]));
        }
        else if (rest == "html")
        {
            headers.Add(new("Content-Type", "text/html"));
            body = "<html><body>403 Forbidden</body></html>";
        }
        else if (rest.Length > 0)
        {
            headers.Add(new("Content-Type", status == 401 || status == 403 ? "application/vnd.api+json" : "application/json"));
            body = status is 401 or 403 ? $"{{\"errors\":[{{\"code\":\"{rest}\"}}]}}" : $"{{\"error\":\"{rest}\"}}";
        }

        return new RecordedResponse(status, new RecordedHeaders(headers), Encoding.UTF8.GetBytes(body));
    }
}
