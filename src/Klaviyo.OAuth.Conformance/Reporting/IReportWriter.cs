using System.Text;

namespace Klaviyo.OAuth.Conformance.Reporting;

/// <summary>
/// One format of one kind of report (the conformance matrix, a client's conduct): the file it
/// writes and how it renders the report. A new format is one class implementing it, and one line in
/// the list of its kind (<see cref="ConformanceReport.Writers"/>, <see cref="Conduct.ClientConductReport.Writers"/>).
/// </summary>
public interface IReportWriter<in TReport>
{
    /// <summary>The file's name in the reports folder.</summary>
    string FileName { get; }

    string Render(TReport report);
}

/// <summary>Writes a report in each of its formats.</summary>
public static class ReportFiles
{
    private static readonly UTF8Encoding Utf8 = new(false);

    /// <summary>Writes each writer's file into <paramref name="directory"/> (created when missing); returns their full paths, in the writers' order.</summary>
    public static IReadOnlyList<string> WriteAll<TReport>(TReport report, string directory, IEnumerable<IReportWriter<TReport>> writers)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(writers);
        var folder = Directory.CreateDirectory(directory).FullName;
        return [.. writers.Select(writer =>
        {
            var path = Path.Combine(folder, writer.FileName);
            File.WriteAllText(path, writer.Render(report), Utf8);
            return path;
        })];
    }
}
