using Io.Cucumber.Messages.Types;
using Reqnroll.Formatters.RuntimeSupport;

namespace Klaviyo.OAuth.Conformance.Runner;

/// <summary>
/// The source, Gherkin document and pickles of one feature, which Reqnroll's html and message
/// formatters need; generated code would embed them as a resource at build time.
/// </summary>
internal sealed class FeatureMessages(Source source, GherkinDocument document, IReadOnlyList<Pickle> pickles) : IFeatureLevelCucumberMessages
{
    public bool HasMessages => true;

    public GherkinDocument GherkinDocument { get; } = document;

    public IEnumerable<Pickle> Pickles { get; } = pickles;

    public Source Source { get; } = source;
}
