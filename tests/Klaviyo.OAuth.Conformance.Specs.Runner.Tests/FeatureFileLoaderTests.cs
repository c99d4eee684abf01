using FluentAssertions;

namespace Klaviyo.OAuth.Conformance.Specs.Runner.Tests;

[TestFixture]
public sealed class FeatureFileLoaderTests
{
    private static FeatureFile Load(string relativePath) => FeatureFileLoader.Load(SamplesRun.SamplesFeaturesFolder, relativePath);

    [Test]
    public void An_outline_gives_one_scenario_per_example_row_with_its_arguments()
    {
        var feature = Load("outline.feature");
        var rows = feature.Scenarios.Where(s => s.TestName.StartsWith("Adding", StringComparison.Ordinal)).ToList();
        rows.Select(s => s.TestName).Should().Equal("Adding 1 gives 2", "Adding 2 gives 3", "Adding 40 gives 41");
        rows[2].Arguments["amount"].Should().Be("40");
    }

    [Test]
    public void Feature_and_rule_tags_are_inherited_and_examples_tags_are_the_scenarios_own()
    {
        var rule = Load("rules/rule.feature").Scenarios.Single();
        rule.InheritedTags.Should().BeEquivalentTo("sample", "sample.rule");
        rule.OwnTags.Should().BeEquivalentTo("sample.tagged");
        rule.Rule!.Title.Should().Be("Doubling");

        var firstRow = Load("outline.feature").Scenarios[0];
        firstRow.OwnTags.Should().Contain("sample.first-examples");
        firstRow.AllTags.Should().Contain(["sample", "sample.outline", "sample.first-examples"]);
    }

    [Test]
    public void Backgrounds_are_part_of_each_pickle_with_their_keywords()
    {
        var rule = Load("rules/rule.feature").Scenarios.Single();
        rule.Pickle.Steps.Select(s => s.Text).Should().Equal("a counter starting at 1", "the counter is doubled", "the counter is 2");
        rule.Keywords.Should().Equal("Given ", "Given ", "Then ");
    }

    [Test]
    public void Pickle_ids_are_unique_across_feature_files()
    {
        var ids = FeatureFileLoader.LoadFolder(SamplesRun.SamplesFeaturesFolder)
            .SelectMany(f => f.Scenarios)
            .Select(s => s.Pickle.Id)
            .ToList();
        ids.Should().OnlyHaveUniqueItems();
    }

    [Test]
    public void One_feature_info_describes_the_feature_for_the_whole_run()
    {
        var feature = Load("outline.feature");
        feature.Info!.Title.Should().Be("Outlines and backgrounds");
        feature.Info.Tags.Should().BeEquivalentTo("sample", "sample.outline");
    }

    [Test]
    public void A_missing_features_folder_is_reported_as_a_broken_feature()
    {
        var features = FeatureFileLoader.LoadFolder(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N")));
        features.Should().ContainSingle().Which.ParseError.Should().Contain("does not exist");
    }
}
