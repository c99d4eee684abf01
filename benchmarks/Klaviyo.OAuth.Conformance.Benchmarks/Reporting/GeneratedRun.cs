using System.Globalization;
using System.Text;
using System.Text.Json;
using Klaviyo.OAuth.Conformance.Benchmarks.Redaction;
using Klaviyo.OAuth.Guide.Catalogue;

namespace Klaviyo.OAuth.Conformance.Benchmarks.Reporting;

/// <summary>
/// Writes a cucumber.ndjson shaped like one a Reqnroll run of the suite writes: the real feature
/// files as source envelopes, then per scenario a pickle, a test case (a hook and its steps), and
/// started/finished messages for every step. Scenarios carry real catalogue ids and levels; one in
/// ten fails with a ~2 KB message holding secrets, one in fifteen is skipped for a missing capability.
/// </summary>
internal static class GeneratedRun
{
    private const long StartSeconds = 1_764_670_000;

    public static void Write(string path, int scenarios, int stepsPerScenario)
    {
        using var output = new StreamWriter(path, append: false, new UTF8Encoding(false));
        var clock = new Clock();
        Line(output, "testRunStarted", w => { Timestamp(w, "timestamp", clock.Next()); w.WriteString("id", "run-1"); });
        Line(output, "meta", w =>
        {
            w.WriteString("protocolVersion", "30.1.0");
            w.WriteStartObject("implementation");
            w.WriteString("name", "Reqnroll");
            w.WriteString("version", "3.3.4");
            w.WriteEndObject();
        });

        var features = Directory.EnumerateFiles(RepositoryPaths.Features, "*.feature", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();
        foreach (var feature in features)
        {
            Line(output, "source", w =>
            {
                w.WriteString("uri", "features/" + Path.GetRelativePath(RepositoryPaths.Features, feature).Replace('\\', '/'));
                w.WriteString("data", File.ReadAllText(feature));
                w.WriteString("mediaType", "text/x.cucumber.gherkin+plain");
            });
        }

        var behaviours = BehaviourCatalogue.All;
        for (var s = 0; s < scenarios; s++)
        {
            WriteScenario(output, clock, s, behaviours[s % behaviours.Count], stepsPerScenario);
        }

        Line(output, "testRunFinished", w => { w.WriteBoolean("success", false); Timestamp(w, "timestamp", clock.Next()); });
    }

    private static void WriteScenario(StreamWriter output, Clock clock, int s, Behaviour behaviour, int steps)
    {
        var uri = $"features/{behaviour.Id.Split('.')[0]}/generated.feature";
        var pickleId = $"p{s}";
        Line(output, "pickle", w =>
        {
            w.WriteString("id", pickleId);
            w.WriteString("uri", uri);
            w.WriteString("name", $"{behaviour.Description} (scenario {s})");
            w.WriteString("language", "en");
            w.WriteStartArray("steps");
            for (var i = 0; i < steps; i++)
            {
                w.WriteStartObject();
                w.WriteString("id", $"{pickleId}-s{i}");
                w.WriteString("type", i < 2 ? "Context" : i < steps - 1 ? "Action" : "Outcome");
                w.WriteString("text", i == steps - 1 ? behaviour.Expected : $"step {i} of the scenario, as the feature words it");
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("tags");
            foreach (var tag in new[] { "@needs-client", behaviour.Tag, behaviour.Level.Tag() })
            {
                w.WriteStartObject();
                w.WriteString("name", tag);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        });

        var caseId = $"c{s}";
        Line(output, "testCase", w =>
        {
            w.WriteString("id", caseId);
            w.WriteString("pickleId", pickleId);
            w.WriteStartArray("testSteps");
            w.WriteStartObject();
            w.WriteString("id", $"{caseId}-hook");
            w.WriteString("hookId", "hook-before-scenario");
            w.WriteEndObject();
            for (var i = 0; i < steps; i++)
            {
                w.WriteStartObject();
                w.WriteString("id", $"{caseId}-t{i}");
                w.WriteString("pickleStepId", $"{pickleId}-s{i}");
                w.WriteEndObject();
            }

            w.WriteEndArray();
        });

        var startedId = $"r{s}";
        Line(output, "testCaseStarted", w => { w.WriteNumber("attempt", 0); w.WriteString("id", startedId); w.WriteString("testCaseId", caseId); Timestamp(w, "timestamp", clock.Next()); });
        var stepIds = new[] { $"{caseId}-hook" }.Concat(Enumerable.Range(0, steps).Select(i => $"{caseId}-t{i}")).ToArray();
        var failed = s % 10 == 9;
        var skipped = !failed && s % 15 == 14;
        for (var i = 0; i < stepIds.Length; i++)
        {
            var last = i == stepIds.Length - 1;
            var (status, message) = (failed, skipped, last) switch
            {
                (true, _, true) => ("FAILED", FailureMessage.WithSecrets),
                (_, true, true) => ("SKIPPED", "The target cannot advance time for one client (capability 'clock' is missing)."),
                _ => ("PASSED", (string?)null),
            };
            Line(output, "testStepStarted", w => { w.WriteString("testCaseStartedId", startedId); w.WriteString("testStepId", stepIds[i]); Timestamp(w, "timestamp", clock.Next()); });
            Line(output, "testStepFinished", w =>
            {
                w.WriteString("testCaseStartedId", startedId);
                w.WriteString("testStepId", stepIds[i]);
                w.WriteStartObject("testStepResult");
                w.WriteStartObject("duration");
                w.WriteNumber("seconds", 0);
                w.WriteNumber("nanos", 350_000 + (i * 10_000));
                w.WriteEndObject();
                w.WriteString("status", status);
                if (message is not null)
                {
                    w.WriteString("message", message);
                    w.WriteStartObject("exception");
                    w.WriteString("type", "Reqnroll.ReqnrollException");
                    w.WriteString("message", message);
                    w.WriteEndObject();
                }

                w.WriteEndObject();
                Timestamp(w, "timestamp", clock.Next());
            });
        }

        Line(output, "testCaseFinished", w => { w.WriteString("testCaseStartedId", startedId); Timestamp(w, "timestamp", clock.Next()); w.WriteBoolean("willBeRetried", false); });
    }

    private static void Line(StreamWriter output, string envelope, Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartObject(envelope);
            body(writer);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        output.WriteLine(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
    }

    private static void Timestamp(Utf8JsonWriter writer, string name, long micros)
    {
        writer.WriteStartObject(name);
        writer.WriteNumber("seconds", StartSeconds + (micros / 1_000_000));
        writer.WriteNumber("nanos", micros % 1_000_000 * 1000);
        writer.WriteEndObject();
    }

    /// <summary>Timestamps 400 µs apart, in microseconds since the run started.</summary>
    private sealed class Clock
    {
        private long _micros;

        public long Next() => _micros += 400;
    }

    public static string Describe(string path) =>
        string.Create(CultureInfo.InvariantCulture, $"{File.ReadLines(path).Count()} lines, {new FileInfo(path).Length / 1024} KiB");
}
