using Klaviyo.OAuth.Guide;
using System.Globalization;
using System.Text;
using System.Xml;
using Klaviyo.OAuth.Guide.Catalogue;

namespace Klaviyo.OAuth.Conformance.Reporting.Writers;

/// <summary>
/// junit.xml: a testsuite per catalogue group with a testcase per (behaviour, scenario) — classname
/// is the behaviour id —, a failure for a failed scenario (advisory ones typed "advisory"), skipped
/// with the reason, and a "Suite defects" testsuite with a failing testcase per defect.
/// </summary>
public sealed class JUnitXmlWriter : IReportWriter<ConformanceMatrix>
{
    public const string FileName = "junit.xml";

    string IReportWriter<ConformanceMatrix>.FileName => FileName;

    string IReportWriter<ConformanceMatrix>.Render(ConformanceMatrix report) => Render(report);

    private const string DefectsSuite = "Suite defects";

    public static void Write(ConformanceMatrix matrix, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false) };
        using var xml = XmlWriter.Create(stream, settings);
        var cases = matrix.Rows.SelectMany(r => r.Scenarios).Concat(EngineCases(matrix.TipRows)).Concat(EngineCases(matrix.ConductRuleRows)).ToList();
        var expected = matrix.Rows.Where(r => r.Verdict == Verdict.KnownDeviation).SelectMany(r => r.Failures).Count();
        xml.WriteStartDocument();
        xml.WriteStartElement("testsuites");
        xml.WriteAttributeString("name", ReportText.Title);
        WriteCounts(xml,
            tests: cases.Count + matrix.Defects.Count,
            failures: cases.Count(c => c.Outcome == ScenarioOutcome.Failed) - expected + matrix.Defects.Count,
            skipped: cases.Count(c => c.Outcome == ScenarioOutcome.Skipped) + expected,
            time: matrix.Run.Duration ?? cases.Aggregate(TimeSpan.Zero, (sum, c) => sum + c.Duration));
        if (matrix.Run.StartedAt is { } started)
        {
            xml.WriteAttributeString("timestamp", started.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture));
        }

        foreach (var group in matrix.Groups)
        {
            WriteGroup(xml, group, matrix.Run);
        }

        WriteEnginePart(xml, ReportText.TipsTitle, "troubleshooting-tips", matrix.TipRows, s => s.TipIds.FirstOrDefault() ?? "tip");
        WriteEnginePart(xml, ReportText.ConductTitle, "client-conduct-rules", matrix.ConductRuleRows, s => s.ConductRuleIds.FirstOrDefault() ?? "client");
        WriteDefects(xml, matrix.Defects);
        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    // A scenario showing two tips (or rules) is one test case, under its first.
    private static List<ScenarioResult> EngineCases(IReadOnlyList<EnginePartRow> rows) =>
        rows.SelectMany(r => r.Scenarios).Distinct().ToList();

    private static void WriteEnginePart(XmlWriter xml, string title, string id, IReadOnlyList<EnginePartRow> rows, Func<ScenarioResult, string> className)
    {
        var cases = EngineCases(rows);
        if (cases.Count == 0)
        {
            return;
        }

        xml.WriteStartElement("testsuite");
        xml.WriteAttributeString("name", title);
        xml.WriteAttributeString("id", id);
        WriteCounts(xml,
            tests: cases.Count,
            failures: cases.Count(c => c.Outcome == ScenarioOutcome.Failed),
            skipped: cases.Count(c => c.Outcome == ScenarioOutcome.Skipped),
            time: cases.Aggregate(TimeSpan.Zero, (sum, c) => sum + c.Duration));
        foreach (var scenario in cases)
        {
            xml.WriteStartElement("testcase");
            xml.WriteAttributeString("classname", className(scenario));
            xml.WriteAttributeString("name", Clean(scenario.Name));
            xml.WriteAttributeString("file", scenario.Uri);
            xml.WriteAttributeString("time", Seconds(scenario.Duration));
            if (scenario.Outcome == ScenarioOutcome.Failed)
            {
                xml.WriteStartElement("failure");
                xml.WriteAttributeString("message", Clean(ReportText.FirstLine(scenario.Evidence)));
                xml.WriteString(Clean((scenario.FailedStep is null ? string.Empty : "Failed step: " + scenario.FailedStep + "\n\n") + scenario.Evidence));
                xml.WriteEndElement();
            }
            else if (scenario.Outcome == ScenarioOutcome.Skipped)
            {
                xml.WriteStartElement("skipped");
                xml.WriteAttributeString("message", Clean(scenario.Reason ?? string.Empty));
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    public static string Render(ConformanceMatrix matrix)
    {
        using var stream = new MemoryStream();
        Write(matrix, stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteGroup(XmlWriter xml, BehaviourGroupRows group, RunDescription run)
    {
        var cases = group.Rows.SelectMany(r => r.Scenarios).ToList();
        var expected = group.Rows.Where(r => r.Verdict == Verdict.KnownDeviation).SelectMany(r => r.Failures).Count();
        xml.WriteStartElement("testsuite");
        xml.WriteAttributeString("name", group.Title);
        xml.WriteAttributeString("id", group.Group.Key());
        WriteCounts(xml,
            tests: cases.Count,
            failures: cases.Count(c => c.Outcome == ScenarioOutcome.Failed) - expected,
            skipped: cases.Count(c => c.Outcome == ScenarioOutcome.Skipped) + expected,
            time: cases.Aggregate(TimeSpan.Zero, (sum, c) => sum + c.Duration));
        xml.WriteStartElement("properties");
        WriteProperty(xml, "target", run.TargetKind);
        WriteProperty(xml, "apiBaseUrl", run.ApiBaseUrl);
        WriteProperty(xml, "webBaseUrl", run.WebBaseUrl);
        xml.WriteEndElement();

        foreach (var row in group.Rows)
        {
            foreach (var scenario in row.Scenarios)
            {
                WriteScenario(xml, row, scenario);
            }
        }

        xml.WriteEndElement();
    }

    private static void WriteScenario(XmlWriter xml, BehaviourRow row, ScenarioResult scenario)
    {
        xml.WriteStartElement("testcase");
        xml.WriteAttributeString("classname", row.Id);
        xml.WriteAttributeString("name", Clean(scenario.Name));
        xml.WriteAttributeString("file", scenario.Uri);
        xml.WriteAttributeString("time", Seconds(scenario.Duration));
        // A known deviation's failures are expected: skipped, with the reason the team gave.
        if (row.Verdict == Verdict.KnownDeviation && scenario.Outcome == ScenarioOutcome.Failed)
        {
            xml.WriteStartElement("skipped");
            xml.WriteAttributeString("message", Clean(ReportText.DeviationText(row)));
            xml.WriteString(Clean(scenario.Evidence ?? string.Empty));
            xml.WriteEndElement();
            xml.WriteEndElement();
            return;
        }

        switch (scenario.Outcome)
        {
            case ScenarioOutcome.Failed:
                xml.WriteStartElement("failure");
                xml.WriteAttributeString("message", Clean(ReportText.FirstLine(scenario.Evidence)));
                xml.WriteAttributeString("type", row.Behaviour.Level.IsAdvisory() ? "advisory" : row.Behaviour.Level.Key());
                var body = new StringBuilder();
                if (scenario.FailedStep is not null)
                {
                    body.Append("Failed step: ").AppendLine(scenario.FailedStep).AppendLine();
                }

                body.AppendLine(scenario.Evidence).AppendLine();
                body.Append("Expected: ").AppendLine(row.Behaviour.Expected);
                body.Append("Why and how to fix: ").AppendLine(row.Behaviour.WhyAndHowToFix);
                body.Append("Reference: ").Append(row.Behaviour.Reference);
                xml.WriteString(Clean(body.ToString()));
                xml.WriteEndElement();
                break;
            case ScenarioOutcome.Skipped:
                xml.WriteStartElement("skipped");
                xml.WriteAttributeString("message", Clean(scenario.Reason ?? string.Empty));
                xml.WriteEndElement();
                break;
            default:
                break;
        }

        xml.WriteEndElement();
    }

    private static void WriteDefects(XmlWriter xml, IReadOnlyList<SuiteDefect> defects)
    {
        if (defects.Count == 0)
        {
            return;
        }

        xml.WriteStartElement("testsuite");
        xml.WriteAttributeString("name", DefectsSuite);
        xml.WriteAttributeString("id", "suite-defects");
        WriteCounts(xml, tests: defects.Count, failures: defects.Count, skipped: 0, time: TimeSpan.Zero);
        foreach (var defect in defects)
        {
            xml.WriteStartElement("testcase");
            xml.WriteAttributeString("classname", "suite." + defect.KindKey);
            xml.WriteAttributeString("name", Clean(defect.BehaviourId ?? defect.Scenario ?? defect.KindKey));
            xml.WriteAttributeString("time", "0");
            xml.WriteStartElement("failure");
            xml.WriteAttributeString("message", Clean(defect.Message));
            xml.WriteAttributeString("type", "suite-defect");
            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private static void WriteCounts(XmlWriter xml, int tests, int failures, int skipped, TimeSpan time)
    {
        xml.WriteAttributeString("tests", tests.ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("failures", failures.ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("errors", "0");
        xml.WriteAttributeString("skipped", skipped.ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("time", Seconds(time));
    }

    private static void WriteProperty(XmlWriter xml, string name, string? value)
    {
        if (value is null)
        {
            return;
        }

        xml.WriteStartElement("property");
        xml.WriteAttributeString("name", name);
        xml.WriteAttributeString("value", value);
        xml.WriteEndElement();
    }

    private static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);

    // Evidence may hold control characters (ANSI colours, raw bytes) that XML 1.0 cannot carry.
    private static string Clean(string text)
    {
        if (text.All(XmlConvert.IsXmlChar))
        {
            return text;
        }

        var clean = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i]))
            {
                clean.Append(text[i]);
            }
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                clean.Append(text[i]).Append(text[i + 1]);
                i++;
            }
            else
            {
                clean.Append('\uFFFD');
            }
        }

        return clean.ToString();
    }
}
