using System.Text.Json;

namespace Klaviyo.OAuth.Conformance.Reporting;

/// <summary>
/// What was tested, when, and by which suite. Never holds secrets: URLs lose any user info, query and
/// fragment when the description is created.
/// </summary>
/// <param name="TargetKind">"embedded", "remote", or "unknown" when nothing said.</param>
/// <param name="Tool">The implementation that wrote the messages, e.g. "Reqnroll 3.3.4" (from the meta envelope).</param>
/// <param name="Unreachable">When the preflight could not reach the target: which URL and why (secrets already redacted).</param>
/// <param name="SignIn">With the assisted sign-in: how many approvals it took and what became of its throwaway token sets (revoked at the end).</param>
public sealed record RunDescription(
    string TargetKind,
    string? ApiBaseUrl = null,
    string? WebBaseUrl = null,
    DateTimeOffset? StartedAt = null,
    DateTimeOffset? FinishedAt = null,
    string? SuiteVersion = null,
    string? Tool = null,
    string? Unreachable = null,
    string? SignIn = null)
{
    /// <summary>The file name of the sidecar the suite writes next to cucumber.ndjson.</summary>
    public const string SidecarFileName = "target.json";

    /// <summary>The kind of a report merged from runs against different targets.</summary>
    public const string MixedTargets = "mixed";

    public static RunDescription Unknown { get; } = new("unknown");

    /// <summary>The target of each run merged into this report, when they differ; empty for one target.</summary>
    public IReadOnlyList<RunDescription> MergedTargets { get; init; } = [];

    /// <summary>"embedded", or "remote (API https://…, web https://…)".</summary>
    public string Target => ApiBaseUrl is null && WebBaseUrl is null
        ? TargetKind
        : $"{TargetKind} (API {ApiBaseUrl ?? "not set"}, web {WebBaseUrl ?? "not set"})";

    /// <summary>
    /// One description for runs merged into one report: the first run's when every run tested the same
    /// target; otherwise a "mixed" one that records each target (<see cref="MergedTargets"/>).
    /// </summary>
    public static RunDescription? Merge(IReadOnlyList<RunDescription?> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var targets = runs.Select(r => r ?? Unknown).DistinctBy(r => r.Target, StringComparer.Ordinal).ToList();
        if (targets.Count <= 1)
        {
            return runs.Count == 0 ? null : runs[0];
        }

        return new RunDescription(
            MixedTargets,
            SuiteVersion: targets.Select(t => t.SuiteVersion).FirstOrDefault(v => v is not null),
            Unreachable: targets.Select(t => t.Unreachable).FirstOrDefault(u => u is not null))
        {
            MergedTargets = targets,
        };
    }

    public string? ApiBaseUrl { get; init => field = PublicPart(value); } = PublicPart(ApiBaseUrl);

    public string? WebBaseUrl { get; init => field = PublicPart(value); } = PublicPart(WebBaseUrl);

    public TimeSpan? Duration => StartedAt is { } started && FinishedAt is { } finished && finished >= started
        ? finished - started
        : null;

    /// <summary>
    /// Reads a sidecar <c>{"kind","apiBaseUrl","webBaseUrl","suiteVersion","unreachable"}</c>; null when the file
    /// is absent or not such an object.
    /// </summary>
    public static RunDescription? FromSidecar(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            return new RunDescription(
                StringProperty(root, "kind") ?? "unknown",
                StringProperty(root, "apiBaseUrl"),
                StringProperty(root, "webBaseUrl"),
                SuiteVersion: StringProperty(root, "suiteVersion"),
                Unreachable: StringProperty(root, "unreachable"),
                SignIn: StringProperty(root, "signIn"));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>This description with the blanks filled from what the messages recorded.</summary>
    /// <summary>Writes the public part of the description next to the run's messages, so the reports can be rebuilt later.</summary>
    public string WriteSidecar(string directory)
    {
        var path = Path.Combine(directory, SidecarFileName);
        var json = JsonSerializer.Serialize(new Dictionary<string, string?>
        {
            ["kind"] = TargetKind,
            ["apiBaseUrl"] = ApiBaseUrl,
            ["webBaseUrl"] = WebBaseUrl,
            ["suiteVersion"] = SuiteVersion,
            ["unreachable"] = Unreachable,
            ["signIn"] = SignIn,
        });
        File.WriteAllText(path, json);
        return path;
    }

    internal RunDescription CompletedWith(DateTimeOffset? startedAt, DateTimeOffset? finishedAt, string? tool) => this with
    {
        StartedAt = StartedAt ?? startedAt,
        FinishedAt = FinishedAt ?? finishedAt,
        Tool = Tool ?? tool,
    };

    private static string? StringProperty(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    // A URL may carry credentials (https://user:secret@host/?api_key=…): keep scheme, host, port and path.
    private static string? PublicPart(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return null;
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return "(not a URL)";
        }

        return uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);
    }
}
