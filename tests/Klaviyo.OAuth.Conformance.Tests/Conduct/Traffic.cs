using System.Text;
using Klaviyo.OAuth.Guide.Conduct;
using Klaviyo.OAuth.Guide.Traffic;

namespace Klaviyo.OAuth.Conformance.Tests.Conduct;

/// <summary>Concrete traffic for rule tests: requests an app sent, at seconds from a start, with the answers it got.</summary>
internal sealed class Traffic
{
    public const string Api = "https://a.klaviyo.com";
    public const string Web = "https://www.klaviyo.com";
    public const string Basic = "Basic YXBwOnNlY3JldA=="; // app:secret
    public const string Verifier = "dBjftJeZ4CK0-mB3aRqaoFWM4LDAS2PP5Gg3JmFcD4A";
    public const string Challenge = "2Ykao1xIjfnTz0fPuR9vUum3zOhzU55fJWuItHTgGQs";

    private static readonly DateTimeOffset Start = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly List<RecordedExchange> _exchanges = [];

    public Traffic Send(
        double at, string method, string url, int status, string? form = null, string? authorization = Basic,
        string? contentType = null, string? answer = null, string answerType = "application/json", params (string Name, string Value)[] answerHeaders)
    {
        var headers = new List<KeyValuePair<string, string>>();
        if (authorization is not null)
        {
            headers.Add(new("Authorization", authorization));
        }

        if (form is not null)
        {
            headers.Add(new("Content-Type", contentType ?? "application/x-www-form-urlencoded"));
        }

        var responseHeaders = new List<KeyValuePair<string, string>> { new("Content-Type", answerType) };
        responseHeaders.AddRange(answerHeaders.Select(h => new KeyValuePair<string, string>(h.Name, h.Value)));
        _exchanges.Add(new RecordedExchange(
            Start.AddSeconds(at), method, new Uri(url), new RecordedHeaders(headers), Encoding.UTF8.GetBytes(form ?? string.Empty),
            new RecordedResponse(status, new RecordedHeaders(responseHeaders), Encoding.UTF8.GetBytes(answer ?? string.Empty))));
        return this;
    }

    public Traffic Refresh(double at, string refreshToken, int status = 200, string? error = null, string? authorization = Basic) =>
        Send(at, "POST", Api + "/oauth/token", status, $"grant_type=refresh_token&refresh_token={refreshToken}", authorization,
            answer: error is null ? "{\"access_token\":\"x\"}" : $"{{\"error\":\"{error}\"}}");

    public Traffic CodeExchange(double at, string verifier = Verifier, int status = 200) =>
        Send(at, "POST", Api + "/oauth/token", status, $"grant_type=authorization_code&code=abc123&code_verifier={verifier}&redirect_uri=http%3A%2F%2F127.0.0.1%2Fcallback");

    public Traffic Authorize(double at, string method = "S256", string? state = "s1", string? redirectState = "s1") =>
        Send(at, "GET", $"{Web}/oauth/authorize?response_type=code&client_id=app&code_challenge={Challenge}&code_challenge_method={method}" + (state is null ? string.Empty : $"&state={state}"),
            302, authorization: null, answerType: "text/html",
            answerHeaders: [("Location", "http://127.0.0.1/callback?code=abc123" + (redirectState is null ? string.Empty : $"&state={redirectState}"))]);

    public Traffic CallApi(double at, string authorization = "Bearer at_1", int status = 200, string? code = null) =>
        Send(at, "GET", Api + "/api/accounts/", status, authorization: authorization, answerType: "application/vnd.api+json",
            answer: code is null ? "{\"data\":[]}" : $"{{\"errors\":[{{\"code\":\"{code}\"}}]}}");

    public AppTraffic Build() => new(_exchanges);

    public ConductResult GradeBy(string ruleId) => ConductRules.Find(ruleId)!.Evaluate(Build());

    /// <summary>Writes the traffic as a HAR, as a capture tool would, and returns its path.</summary>
    public string WriteHar(string folder)
    {
        var path = Path.Combine(folder, "app.har");
        File.WriteAllText(path, HarWriter.Write(_exchanges), Encoding.UTF8);
        return path;
    }
}
