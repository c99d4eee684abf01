using Klaviyo.OAuth.Guide;
using System.Text;
using System.Xml;
using Klaviyo.OAuth.Guide.Conduct;

namespace Klaviyo.OAuth.Conformance.Reporting.Conduct;

/// <summary>
/// client-conduct.junit.xml: one testsuite "Client conduct" with a testcase per rule (classname is
/// the rule id): a failure when broken (advisory ones typed "advisory"), skipped with the situation
/// when not verified.
/// </summary>
public sealed class ConductJUnitWriter : IReportWriter<ClientConductReport>
{
    public const string FileName = "client-conduct.junit.xml";

    string IReportWriter<ClientConductReport>.FileName => FileName;

    string IReportWriter<ClientConductReport>.Render(ClientConductReport report) => Render(report);

    public static string Render(ClientConductReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var stream = new MemoryStream();
        using (var xml = XmlWriter.Create(stream, new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false) }))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("testsuites");
            xml.WriteStartElement("testsuite");
            xml.WriteAttributeString("name", ClientConductReport.Title);
            xml.WriteAttributeString("tests", report.Results.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
            xml.WriteAttributeString("failures", report.Results.Count(r => r.Evidence.Count > 0 && !report.IsKnownDeviation(r)).ToString(System.Globalization.CultureInfo.InvariantCulture));
            xml.WriteAttributeString("skipped", (report.Count(Verdict.NotVerified) + report.Results.Count(report.IsKnownDeviation)).ToString(System.Globalization.CultureInfo.InvariantCulture));
            foreach (var result in report.Results)
            {
                xml.WriteStartElement("testcase");
                xml.WriteAttributeString("classname", result.Rule.Id);
                xml.WriteAttributeString("name", $"{result.Rule.Id} ({ClientConductReport.Level(result)})");
                if (report.IsKnownDeviation(result))
                {
                    xml.WriteStartElement("skipped");
                    xml.WriteAttributeString("message", report.DeviationNote(result));
                    xml.WriteString(string.Join('\n', result.Evidence.Select(ClientConductReport.Line)));
                    xml.WriteEndElement();
                }
                else if (result.Verdict is Verdict.NotSatisfied or Verdict.AdvisoryNotMet)
                {
                    xml.WriteStartElement("failure");
                    xml.WriteAttributeString("type", result.Verdict == Verdict.AdvisoryNotMet ? "advisory" : "documented");
                    xml.WriteAttributeString("message", ClientConductReport.Explanation(result));
                    xml.WriteString(string.Join('\n', result.Evidence.Select(ClientConductReport.Line)));
                    xml.WriteEndElement();
                }
                else if (result.Verdict == Verdict.NotVerified)
                {
                    xml.WriteStartElement("skipped");
                    xml.WriteAttributeString("message", result.Situation);
                    xml.WriteEndElement();
                }

                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
