using FluentAssertions;
using Klaviyo.OAuth.Conformance.Runner;
using Klaviyo.OAuth.Guide.Catalogue;
using Klaviyo.OAuth.Guide.Conduct;
using Klaviyo.OAuth.Guide.Diagnosis;
using Klaviyo.OAuth.Guide.Tips;
using NUnit.Framework;

namespace Klaviyo.OAuth.Conformance.Tests.Catalogue;

/// <summary>
/// The features and the catalogue agree: every behaviour has a scenario, every scenario names
/// exactly one behaviour and that behaviour's level; every client-conduct rule has scenarios, each
/// with its rule's level. (An id with no scenario, or a scenario with no id, is a defect of the suite.)
/// </summary>
public class FeatureCoverageTests
{
    private static readonly IReadOnlyList<TaggedScenario> Scenarios = TaggedScenario.ReadAll(FeaturesFolder());

    [Test]
    public void The_features_folder_has_scenarios() => Scenarios.Should().HaveCountGreaterThan(30);

    [TestCaseSource(nameof(BehaviourIds))]
    public void Every_catalogue_behaviour_has_at_least_one_scenario(string id) =>
        Scenarios.Should().Contain(s => s.Tags.Contains(id), $"@{id} is in the catalogue");

    [TestCaseSource(nameof(TipAndFindingIds))]
    public void Every_tip_and_finding_has_a_diagnosis_scenario(string id) =>
        Scenarios.Should().Contain(s => s.File.StartsWith("diagnosis/", StringComparison.Ordinal) && s.Tags.Contains(id), $"@{id} is a tip or finding of DIAGNOSIS.md");

    [Test]
    public void Diagnosis_scenarios_name_tips_or_findings_that_exist_and_no_behaviour_or_level() =>
        Scenarios.Where(s => s.IsDiagnosis)
            .Where(s => s.Tags.Any(t => BehaviourCatalogue.Find(t) is not null || RequirementLevels.Contains(t))
                || s.Tags.Any(t => t.StartsWith("tip.", StringComparison.Ordinal) && TipCatalogue.Find(t) is null)
                || s.Tags.Any(t => t.StartsWith("finding-", StringComparison.Ordinal) && FindingCatalogue.Find(t) is null))
            .Select(s => s.ToString())
            .Should().BeEmpty();

    [TestCaseSource(nameof(ClientRuleIds))]
    public void Every_client_conduct_rule_has_a_conduct_scenario(string id) =>
        Scenarios.Should().Contain(s => s.File.StartsWith("client-conduct/", StringComparison.Ordinal) && s.Tags.Contains(id), $"@{id} is a client-conduct rule of DIAGNOSIS.md");

    [Test]
    public void Conduct_scenarios_name_one_rule_and_exactly_its_level() =>
        Scenarios.Where(s => s.IsConduct)
            .Where(s => s.Tags.Where(t => t.StartsWith("client.", StringComparison.Ordinal)).Select(ClientRuleCatalogue.Find).ToList() is not [{ } rule]
                || s.Tags.Where(RequirementLevels.Contains).ToList() is not [var level] || level != rule.Level.Key()
                || s.Tags.Any(t => BehaviourCatalogue.Find(t) is not null))
            .Select(s => s.ToString())
            .Should().BeEmpty();

    [Test]
    public void Every_scenario_names_exactly_one_catalogue_behaviour() =>
        Scenarios.Where(s => !s.IsDiagnosis && !s.IsConduct && s.Tags.Count(t => BehaviourCatalogue.Find(t) is not null) != 1)
            .Select(s => s.ToString())
            .Should().BeEmpty();

    [Test]
    public void Every_scenario_carries_the_level_of_its_behaviour() =>
        Scenarios.Select(s => (scenario: s, behaviour: s.Tags.Select(BehaviourCatalogue.Find).FirstOrDefault(b => b is not null)))
            .Where(x => x.behaviour is not null && !x.scenario.Tags.Contains(x.behaviour.Level.Key()))
            .Select(x => $"{x.scenario} should be tagged @{x.behaviour!.Level.Key()}")
            .Should().BeEmpty();

    [Test]
    public void No_scenario_is_tagged_with_a_dotted_id_the_catalogue_does_not_know() =>
        Scenarios.Where(s => !s.IsDiagnosis && !s.IsConduct).SelectMany(s => s.Tags.Where(t => BehaviourCatalogue.LooksLikeBehaviourId(t) && BehaviourCatalogue.Find(t) is null).Select(t => $"{s}: @{t}"))
            .Should().BeEmpty();

    private static IEnumerable<string> BehaviourIds() => BehaviourCatalogue.All.Select(b => b.Id);

    private static IEnumerable<string> ClientRuleIds() => ClientRuleCatalogue.All.Select(r => r.Id);

    private static IEnumerable<string> TipAndFindingIds() => TipCatalogue.All.Select(t => t.Id).Concat(FindingCatalogue.All.Select(f => f.Id));

    private static readonly HashSet<string> RequirementLevels = [.. Enum.GetValues<RequirementLevel>().Select(l => l.Key())];

    private static string FeaturesFolder() =>
        Path.Combine(
            RepositoryRoot.Find(TestContext.CurrentContext.TestDirectory)
                ?? throw new DirectoryNotFoundException($"The repository root (with {RepositoryRoot.SolutionFile}) is not above the test folder."),
            "features");

    /// <summary>A scenario and every tag that applies to it (feature, rule, its own), read line by line.</summary>
    private sealed record TaggedScenario(string File, int Line, string Name, IReadOnlyList<string> Tags)
    {
        public static List<TaggedScenario> ReadAll(string folder)
        {
            var scenarios = new List<TaggedScenario>();
            foreach (var file in Directory.EnumerateFiles(folder, "*.feature", SearchOption.AllDirectories))
            {
                var pending = new List<string>();
                var featureTags = new List<string>();
                var ruleTags = new List<string>();
                var lines = System.IO.File.ReadAllLines(file);
                for (var i = 0; i < lines.Length; i++)
                {
                    var line = lines[i].Trim();
                    if (line.StartsWith('@'))
                    {
                        pending.AddRange(line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(t => t.TrimStart('@')));
                        continue;
                    }

                    if (line.StartsWith("Feature:", StringComparison.Ordinal))
                    {
                        featureTags = [.. pending];
                    }
                    else if (line.StartsWith("Rule:", StringComparison.Ordinal))
                    {
                        ruleTags = [.. pending];
                    }
                    else if (line.StartsWith("Scenario", StringComparison.Ordinal) || line.StartsWith("Example:", StringComparison.Ordinal))
                    {
                        scenarios.Add(new TaggedScenario(Path.GetRelativePath(folder, file).Replace('\\', '/'), i + 1, line, [.. featureTags, .. ruleTags, .. pending]));
                    }

                    if (line.Length > 0 && !line.StartsWith('#'))
                    {
                        pending.Clear();
                    }
                }
            }

            return scenarios;
        }

        /// <summary>A scenario of features/diagnosis: it shows a tip or finding, not a target's behaviour.</summary>
        public bool IsDiagnosis => Tags.Any(t => t.StartsWith("tip.", StringComparison.Ordinal) || t.StartsWith("finding-", StringComparison.Ordinal));

        /// <summary>A scenario of features/client-conduct: it grades traffic by a client rule, not a target's behaviour.</summary>
        public bool IsConduct => Tags.Any(t => t.StartsWith("client.", StringComparison.Ordinal));

        public override string ToString() => $"{File}:{Line} {Name}";
    }
}
