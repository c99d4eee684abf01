using System.Text.Json;
using Klaviyo.OAuth.Guide;

namespace Klaviyo.OAuth.Conformance.Reporting.Messages;

/// <summary>
/// Reads Cucumber messages (ndjson: one envelope per line, as Reqnroll's <c>message</c> formatter
/// writes them). Unknown envelopes and fields are ignored; a line that is not a JSON object is
/// skipped and counted, so a run cut short still yields a report.
/// </summary>
internal static class CucumberMessageReader
{
    public static CucumberRun Read(TextReader reader)
    {
        var run = new CucumberRun();
        while (reader.ReadLine() is { } line)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                using var document = JsonDocument.Parse(line);
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                {
                    run.MalformedLines++;
                    continue;
                }

                foreach (var envelope in document.RootElement.EnumerateObject())
                {
                    Apply(run, envelope.Name, envelope.Value);
                }
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
            {
                run.MalformedLines++;
            }
        }

        return run;
    }

    private static void Apply(CucumberRun run, string kind, JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        switch (kind)
        {
            case "pickle":
                run.Pickles.Add(ReadPickle(body));
                break;
            case "testCase":
                var testCase = ReadTestCase(body);
                run.TestCases[testCase.Id] = testCase;
                break;
            case "testCaseStarted":
                var id = Text(body, "id");
                run.Attempts[id] = new TestCaseAttempt(id, Text(body, "testCaseId"), Int(body, "attempt"));
                break;
            case "testStepFinished":
                if (run.Attempts.TryGetValue(Text(body, "testCaseStartedId"), out var attempt))
                {
                    attempt.Results.Add(ReadStepResult(body));
                }

                break;
            case "testCaseFinished":
                if (run.Attempts.TryGetValue(Text(body, "testCaseStartedId"), out var finished))
                {
                    finished.Finished = true;
                }

                break;
            case "attachment":
                if (OptionalText(body, "fileName") == Drift.Observation.AttachmentFileName
                    && OptionalText(body, "testCaseStartedId") is { } startedId
                    && run.Attempts.TryGetValue(startedId, out var observed)
                    && Drift.Observation.Parse(AttachmentText(body)) is { } observations)
                {
                    (observed.Observations ??= []).AddRange(observations);
                }

                break;
            case "testRunStarted":
                run.StartedAt = Timestamp(body, "timestamp");
                break;
            case "testRunFinished":
                run.FinishedAt = Timestamp(body, "timestamp");
                break;
            case "meta":
                if (body.TryGetProperty("implementation", out var implementation) && implementation.ValueKind == JsonValueKind.Object)
                {
                    run.Tool = $"{OptionalText(implementation, "name")} {OptionalText(implementation, "version")}".Trim();
                }

                break;
            default:
                break;
        }
    }

    private static Pickle ReadPickle(JsonElement body)
    {
        var tags = Array(body, "tags").Select(t => OptionalText(t, "name")).OfType<string>().ToList();
        var steps = Array(body, "steps")
            .Where(s => OptionalText(s, "id") is not null)
            .GroupBy(s => Text(s, "id"), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => OptionalText(g.First(), "text") ?? string.Empty, StringComparer.Ordinal);
        return new Pickle(Text(body, "id"), OptionalText(body, "name") ?? "(unnamed scenario)", OptionalText(body, "uri") ?? string.Empty, tags, steps);
    }

    private static TestCase ReadTestCase(JsonElement body)
    {
        var steps = new Dictionary<string, TestStep>(StringComparer.Ordinal);
        foreach (var step in Array(body, "testSteps"))
        {
            var id = Text(step, "id");
            steps[id] = new TestStep(id, OptionalText(step, "pickleStepId"));
        }

        return new TestCase(Text(body, "id"), Text(body, "pickleId"), steps);
    }

    private static StepResult ReadStepResult(JsonElement body)
    {
        var result = body.TryGetProperty("testStepResult", out var r) && r.ValueKind == JsonValueKind.Object ? r : default;
        var status = result.ValueKind == JsonValueKind.Object ? OptionalText(result, "status") ?? StepStatus.Unknown : StepStatus.Unknown;
        // Newer Cucumber messages carry the text in "exception" ({type, message}); older ones in "message".
        var message = result.ValueKind == JsonValueKind.Object
            ? OptionalText(result, "message") ?? ExceptionMessage(result)
            : null;
        var duration = result.ValueKind == JsonValueKind.Object && result.TryGetProperty("duration", out var d) ? Duration(d) : TimeSpan.Zero;
        return new StepResult(Text(body, "testStepId"), status.ToUpperInvariant(), message, duration);
    }

    private static string AttachmentText(JsonElement body)
    {
        var text = OptionalText(body, "body") ?? string.Empty;
        return string.Equals(OptionalText(body, "contentEncoding"), "BASE64", StringComparison.OrdinalIgnoreCase)
            ? System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(text))
            : text;
    }

    private static string? ExceptionMessage(JsonElement result) =>
        result.TryGetProperty("exception", out var exception) && exception.ValueKind == JsonValueKind.Object
            ? OptionalText(exception, "message")
            : null;

    private static IEnumerable<JsonElement> Array(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object)
            : [];

    // A required id: a message without it is malformed, and the whole line is skipped.
    private static string Text(JsonElement element, string name) =>
        OptionalText(element, name) ?? throw new FormatException($"'{name}' is missing.");

    private static string? OptionalText(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static int Int(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) ? number : 0;

    private static long Long(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var value))
        {
            return 0;
        }

        // protobuf's JSON mapping may write int64 as a string.
        return value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetInt64(out var number) => number,
            JsonValueKind.String when long.TryParse(value.GetString(), System.Globalization.CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => 0,
        };
    }

    private static TimeSpan Duration(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object
            ? TimeSpan.FromSeconds(Long(element, "seconds")) + TimeSpan.FromTicks(Long(element, "nanos") / 100)
            : TimeSpan.Zero;

    private static DateTimeOffset? Timestamp(JsonElement body, string name) =>
        body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object
            ? DateTimeOffset.FromUnixTimeSeconds(Long(value, "seconds")).AddTicks(Long(value, "nanos") / 100)
            : null;
}
