using System.Collections.Specialized;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Gherkin;
using Gherkin.CucumberMessages;
using Gherkin.CucumberMessages.Pickles;
using Io.Cucumber.Messages.Types;
using Reqnroll;

namespace Klaviyo.OAuth.Conformance.Runner;

/// <summary>
/// Discovers the <c>.feature</c> files of a folder and turns each into a <see cref="FeatureFile"/>:
/// what Reqnroll's generator would do at build time, done once at run time.
/// </summary>
public static class FeatureFileLoader
{
    public static IReadOnlyList<FeatureFile> LoadFolder(string featuresFolder)
    {
        if (!Directory.Exists(featuresFolder))
        {
            return [FeatureFile.Broken("features", $"The features folder '{featuresFolder}' does not exist: is the project copying features/ to its output?")];
        }

        return Directory.EnumerateFiles(featuresFolder, "*.feature", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(featuresFolder, path).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .Select(relative => Load(featuresFolder, relative))
            .ToArray();
    }

    public static FeatureFile Load(string featuresFolder, string relativePath)
    {
        var text = File.ReadAllText(Path.Combine(featuresFolder, relativePath));
        Gherkin.Ast.GherkinDocument ast;
        try
        {
            ast = new Parser().Parse(new StringReader(text));
        }
        catch (CompositeParserException e)
        {
            return FeatureFile.Broken(relativePath, string.Join(Environment.NewLine, e.Errors.Select(error => Describe(relativePath, error))));
        }
        catch (ParserException e)
        {
            return FeatureFile.Broken(relativePath, Describe(relativePath, e));
        }

        if (ast.Feature is null)
        {
            return FeatureFile.Broken(relativePath, $"{relativePath}: the file has no 'Feature:' line.");
        }

        var uri = "features/" + relativePath;
        var ids = new ScopedIdGenerator(ScopeOf(relativePath));
        var document = new AstMessagesConverter(ids).ConvertGherkinDocumentToEventArgs(ast, uri);
        var pickles = new PickleCompiler(ids).Compile(document);
        var source = new Source(uri, text, SourceMediaType.TEXT_X_CUCUMBER_GHERKIN_PLAIN);

        var feature = document.Feature;
        var featureTags = feature.Tags.Select(t => Untagged(t.Name)).ToArray();
        var folder = Path.GetDirectoryName(relativePath)?.Replace('\\', '/') ?? string.Empty;
        var info = new FeatureInfo(
            CultureInfo.GetCultureInfo(string.IsNullOrEmpty(feature.Language) ? "en" : feature.Language),
            folder,
            feature.Name,
            feature.Description?.Trim() ?? string.Empty,
            ProgrammingLanguage.CSharp,
            featureTags,
            new FeatureMessages(source, document, pickles));

        var outline = new DocumentIndex(document);
        var plans = pickles.Select((pickle, index) => Plan(pickle, index, featureTags, outline)).ToList();
        return FeatureFile.Parsed(relativePath, info, document, DisambiguateNames(plans));
    }

    private static ScenarioPlan Plan(Pickle pickle, int index, string[] featureTags, DocumentIndex document)
    {
        var scenario = document.Scenarios[pickle.AstNodeIds[0]];
        var rule = document.RuleOf.GetValueOrDefault(scenario.Id);
        var ruleTags = rule?.Tags.Select(t => Untagged(t.Name)).ToArray() ?? [];
        var arguments = new OrderedDictionary();
        var ownTags = scenario.Tags.Select(t => Untagged(t.Name)).ToList();

        if (pickle.AstNodeIds.Count > 1 && document.ExamplesOfRow.TryGetValue(pickle.AstNodeIds[1], out var examples))
        {
            ownTags.AddRange(examples.Tags.Select(t => Untagged(t.Name)));
            var row = examples.TableBody.First(r => r.Id == pickle.AstNodeIds[1]);
            var header = examples.TableHeader?.Cells ?? [];
            for (var i = 0; i < header.Count && i < row.Cells.Count; i++)
            {
                arguments[header[i].Value] = row.Cells[i].Value;
            }
        }

        return new ScenarioPlan
        {
            TestName = pickle.Name,
            Pickle = pickle,
            Keywords = pickle.Steps.Select(step => document.KeywordOf.GetValueOrDefault(step.AstNodeIds[0], "* ")).ToArray(),
            PickleIndex = index,
            Description = scenario.Description?.Trim() ?? string.Empty,
            OwnTags = ownTags.Distinct(StringComparer.Ordinal).ToArray(),
            InheritedTags = featureTags.Concat(ruleTags).Distinct(StringComparer.Ordinal).ToArray(),
            Rule = rule is null ? null : new RuleInfo(rule.Name, rule.Description?.Trim() ?? string.Empty, ruleTags),
            Arguments = arguments,
        };
    }

    /// <summary>Outline rows whose names do not vary get their example values appended, so every test name is unique.</summary>
    private static ScenarioPlan[] DisambiguateNames(List<ScenarioPlan> plans)
    {
        var duplicated = plans.GroupBy(p => p.TestName, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        return plans.Select(plan =>
        {
            if (!duplicated.Contains(plan.TestName))
            {
                return plan;
            }

            var values = plan.Arguments.Count > 0
                ? string.Join(", ", plan.Arguments.Values.Cast<object>())
                : "#" + (plan.PickleIndex + 1).ToString(CultureInfo.InvariantCulture);
            return new ScenarioPlan
            {
                TestName = $"{plan.TestName} ({values})",
                Pickle = plan.Pickle,
                Keywords = plan.Keywords,
                PickleIndex = plan.PickleIndex,
                Description = plan.Description,
                OwnTags = plan.OwnTags,
                InheritedTags = plan.InheritedTags,
                Rule = plan.Rule,
                Arguments = plan.Arguments,
            };
        }).ToArray();
    }

    private static string Describe(string relativePath, ParserException error) =>
        error.Location is { } location
            ? $"features/{relativePath}:{location.Line}:{location.Column}: {StripLocation(error.Message)}"
            : $"features/{relativePath}: {error.Message}";

    private static string StripLocation(string message) =>
        message.StartsWith('(') && message.IndexOf("):", StringComparison.Ordinal) is var end and > 0
            ? message[(end + 2)..].Trim()
            : message;

    private static string Untagged(string tag) => tag.StartsWith('@') ? tag[1..] : tag;

    private static string ScopeOf(string relativePath) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(relativePath)))[..8];

    /// <summary>Where each scenario, rule and examples table sits in the document, by AST node id.</summary>
    private sealed class DocumentIndex
    {
        public DocumentIndex(GherkinDocument document)
        {
            foreach (var child in document.Feature.Children)
            {
                AddSteps(child.Background?.Steps);
                AddSteps(child.Rule?.Children.SelectMany(c => c.Background?.Steps ?? []).ToList());
                if (child.Scenario is { } scenario)
                {
                    Add(scenario, null);
                }

                if (child.Rule is { } rule)
                {
                    foreach (var ruleChild in rule.Children.Where(c => c.Scenario is not null))
                    {
                        Add(ruleChild.Scenario, rule);
                    }
                }
            }
        }

        public Dictionary<string, Scenario> Scenarios { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, Rule> RuleOf { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, Examples> ExamplesOfRow { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, string> KeywordOf { get; } = new(StringComparer.Ordinal);

        private void AddSteps(IEnumerable<Step>? steps)
        {
            foreach (var step in steps ?? [])
            {
                KeywordOf[step.Id] = step.Keyword;
            }
        }

        private void Add(Scenario scenario, Rule? rule)
        {
            Scenarios[scenario.Id] = scenario;
            AddSteps(scenario.Steps);
            if (rule is not null)
            {
                RuleOf[scenario.Id] = rule;
            }

            foreach (var examples in scenario.Examples)
            {
                foreach (var row in examples.TableBody)
                {
                    ExamplesOfRow[row.Id] = examples;
                }
            }
        }
    }
}
