using FluentAssertions;
using Klaviyo.OAuth.Guide.Catalogue;
using NUnit.Framework;

namespace Klaviyo.OAuth.Conformance.Tests.Catalogue;

public class BehaviourCatalogueTests
{
    // BEHAVIOURS.md: 13 token, 5 revoke, 3 authorize, 2 client page, 4 API, 6 beyond the guide.
    private const int IdsInBehavioursMd = 33;

    [Test]
    public void The_catalogue_holds_every_id_of_the_behaviour_catalogue() =>
        BehaviourCatalogue.All.Should().HaveCount(IdsInBehavioursMd);

    [Test]
    public void Ids_are_unique() =>
        BehaviourCatalogue.All.Select(b => b.Id).Should().OnlyHaveUniqueItems();

    [Test]
    public void Ids_are_lowercase_and_dotted() =>
        BehaviourCatalogue.All.Should().OnlyContain(b => System.Text.RegularExpressions.Regex.IsMatch(b.Id, @"^[a-z0-9-]+(\.[a-z0-9-]+)+$"));

    [Test]
    public void Every_group_has_behaviours() =>
        BehaviourCatalogue.All.Select(b => b.Group).Distinct().Should().BeEquivalentTo(Enum.GetValues<BehaviourGroup>());

    [Test]
    public void Behaviours_are_listed_group_by_group_in_the_guides_order() =>
        BehaviourCatalogue.All.Select(b => b.Group).Should().BeInAscendingOrder();

    [Test]
    public void Every_behaviour_says_what_is_expected_why_and_where_from() =>
        BehaviourCatalogue.All.Should().OnlyContain(b =>
            !string.IsNullOrWhiteSpace(b.Description) && !string.IsNullOrWhiteSpace(b.Expected)
            && !string.IsNullOrWhiteSpace(b.WhyAndHowToFix) && !string.IsNullOrWhiteSpace(b.Reference));

    [Test]
    public void Only_the_behaviours_beyond_the_guide_are_advisory() =>
        BehaviourCatalogue.All.Where(b => b.Level.IsAdvisory()).Select(b => b.Group).Should().OnlyContain(g => g == BehaviourGroup.BeyondTheGuide)
            .And.HaveCount(BehaviourCatalogue.All.Count(b => b.Group == BehaviourGroup.BeyondTheGuide));

    [Test]
    public void Documented_behaviours_cite_the_guide() =>
        BehaviourCatalogue.All.Where(b => b.Level == RequirementLevel.Documented)
            .Should().OnlyContain(b => b.Reference.StartsWith("Klaviyo guide: Troubleshoot OAuth errors — ", StringComparison.Ordinal));

    [TestCase("token.invalid-client", BehaviourGroup.Token, RequirementLevel.Documented)]
    [TestCase("@revoke.invalid-client", BehaviourGroup.Revoke, RequirementLevel.Documented)]
    [TestCase("client-page.visible", BehaviourGroup.ClientPage, RequirementLevel.Baseline)]
    [TestCase("rfc7009.unknown-token", BehaviourGroup.BeyondTheGuide, RequirementLevel.RfcShould)]
    public void Find_returns_the_behaviour_with_or_without_the_at_sign(string id, BehaviourGroup group, RequirementLevel level)
    {
        var behaviour = BehaviourCatalogue.Find(id);

        behaviour.Should().NotBeNull();
        behaviour!.Group.Should().Be(group);
        behaviour.Level.Should().Be(level);
    }

    [Test]
    public void Find_returns_null_for_an_id_not_in_the_catalogue() =>
        BehaviourCatalogue.Find("token.invalid-clinet").Should().BeNull();

    [TestCase(RequirementLevel.Documented, "@documented", false)]
    [TestCase(RequirementLevel.Baseline, "@baseline", false)]
    [TestCase(RequirementLevel.RfcMust, "@rfc-must", true)]
    [TestCase(RequirementLevel.RfcShould, "@rfc-should", true)]
    public void A_level_maps_to_its_tag_and_back(RequirementLevel level, string tag, bool advisory)
    {
        level.Tag().Should().Be(tag);
        RequirementLevelExtensions.FromTag(tag).Should().Be(level);
        level.IsAdvisory().Should().Be(advisory);
    }

    [Test]
    public void A_tag_that_is_not_a_level_maps_to_no_level() =>
        RequirementLevelExtensions.FromTag("@token.invalid-client").Should().BeNull();

    [Test]
    public void Group_names_are_the_headings_of_the_catalogue()
    {
        BehaviourGroup.Token.DisplayName().Should().Be("Token endpoint — POST /oauth/token");
        Enum.GetValues<BehaviourGroup>().Select(g => g.DisplayName()).Should().OnlyHaveUniqueItems();
    }
}
