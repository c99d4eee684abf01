using System.Text;
using Klaviyo.OAuth.Conformance.Reporting.Writers;

namespace Klaviyo.OAuth.Conformance.Reporting;

/// <summary>
/// The one way in: build the matrix from a run's Cucumber messages (the single source of truth) and
/// write the conformance reports next to them.
/// </summary>
public static class ConformanceReport
{
    /// <summary>
    /// Builds the matrix from <paramref name="ndjsonPath"/>. Without <paramref name="run"/>, the target
    /// is read from a <c>target.json</c> sidecar beside the file, or reported as "unknown".
    /// </summary>
    public static ConformanceMatrix Build(string ndjsonPath, RunDescription? run = null) =>
        Build(ndjsonPath, run, ReportOptions.Default);

    public static ConformanceMatrix Build(string ndjsonPath, RunDescription? run, ReportOptions options)
    {
        ArgumentNullException.ThrowIfNull(ndjsonPath);
        run ??= RunDescription.FromSidecar(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(ndjsonPath))!, RunDescription.SidecarFileName));
        using var reader = new StreamReader(ndjsonPath, Encoding.UTF8);
        return new ConformanceMatrixBuilder(options).Build(reader, run);
    }

    /// <summary>
    /// Builds one matrix from the messages of several runs. Without <paramref name="run"/>, each run's
    /// target is read from the <c>target.json</c> sidecar beside its file ("unknown" without one); runs
    /// against different targets give a "mixed" run that records each (<see cref="RunDescription.Merge"/>).
    /// Throws <see cref="InvalidDataException"/> naming a file that holds no Cucumber message.
    /// </summary>
    public static ConformanceMatrix Build(IReadOnlyList<string> ndjsonPaths, RunDescription? run, ReportOptions options)
    {
        ArgumentNullException.ThrowIfNull(ndjsonPaths);
        ArgumentOutOfRangeException.ThrowIfZero(ndjsonPaths.Count);
        if (ndjsonPaths.FirstOrDefault(path => !HoldsMessages(path)) is { } notMessages)
        {
            throw new InvalidDataException($"{notMessages} holds no Cucumber messages: pass the cucumber.ndjson a run wrote (one JSON message per line).");
        }

        run ??= RunDescription.Merge([.. ndjsonPaths.Select(path => RunDescription.FromSidecar(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, RunDescription.SidecarFileName)))]);
        var readers = ndjsonPaths.Select(path => new StreamReader(path, Encoding.UTF8)).ToList();
        try
        {
            return new ConformanceMatrixBuilder(options).Build(readers, run);
        }
        finally
        {
            readers.ForEach(reader => reader.Dispose());
        }
    }

    /// <summary>Whether the file holds a run's Cucumber messages: its meta, its start or a pickle.</summary>
    public static bool HoldsMessages(string ndjsonPath)
    {
        using var reader = new StreamReader(ndjsonPath, Encoding.UTF8);
        var run = Messages.CucumberMessageReader.Read(reader);
        return run.Pickles.Count > 0 || run.Tool is not null || run.StartedAt is not null;
    }

    /// <summary>The conformance report's formats, in the order their files are listed.</summary>
    public static IReadOnlyList<IReportWriter<ConformanceMatrix>> Writers { get; } =
        [new ConformanceJsonWriter(), new ConformanceMarkdownWriter(), new ConformanceHtmlWriter(), new JUnitXmlWriter()];

    /// <summary>Writes every format of <see cref="Writers"/> (conformance.json, conformance.md, conformance.html, junit.xml); returns their full paths.</summary>
    public static IReadOnlyList<string> WriteAll(ConformanceMatrix m, string reportsDirectory)
    {
        ArgumentNullException.ThrowIfNull(m);
        return ReportFiles.WriteAll(m, reportsDirectory, Writers);
    }
}
