using Klaviyo.OAuth.Guide.Traffic;

namespace Klaviyo.OAuth.Guide.Diagnosis;

/// <summary>
/// What the engine says about one exchange: which endpoint it is, what Klaviyo answered or will
/// answer, the findings in the order the server checks them, and what could not be known
/// without the server's records.
/// </summary>
public sealed record Diagnosis(
    RecordedExchange Exchange,
    RequestKind Kind,
    IReadOnlyList<Finding> Findings,
    IReadOnlyList<string> Unknowns)
{
    /// <summary>The client the request can be attributed to (its Basic credentials, form, or access token), when known.</summary>
    public string? ClientId { get; init; }

    /// <summary>"POST /oauth/token", without the query (it may hold secrets).</summary>
    public string Request => Exchange.Method + " " + Exchange.Url.AbsolutePath;

    public bool IsClean => Findings.Count == 0;

    /// <summary>What the server said, or what it will say given the first finding; null when neither is known.</summary>
    public string? Answer => Exchange.Response is { } response
        ? $"answered {response.Status}" + (ResponseError.Describe(response) is { } error ? " " + error : string.Empty)
        : Findings.Count > 0 ? "will answer " + Findings[0].KlaviyoAnswers : null;
}

