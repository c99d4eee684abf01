using FluentAssertions;
using Klaviyo.OAuth.Guide;
using Klaviyo.OAuth.Guide.Catalogue;
using Klaviyo.OAuth.Guide.Conduct;
using Klaviyo.OAuth.Guide.Tips;
using NUnit.Framework;

namespace Klaviyo.OAuth.Conformance.Tests.Catalogue;

public class GuideVocabularyTests
{
    // DIAGNOSIS.md: 11 tips of the guide, 12 client-conduct rules.
    [Test]
    public void Every_tip_and_client_rule_of_the_diagnosis_spec_is_there_once()
    {
        TipCatalogue.All.Select(t => t.Id).Should().HaveCount(11).And.OnlyHaveUniqueItems().And.OnlyContain(id => id.StartsWith("tip.", StringComparison.Ordinal));
        ClientRuleCatalogue.All.Select(r => r.Id).Should().HaveCount(12).And.OnlyHaveUniqueItems().And.OnlyContain(id => id.StartsWith("client.", StringComparison.Ordinal));
    }

    [Test]
    public void Every_tip_and_rule_names_behaviours_that_exist()
    {
        var named = TipCatalogue.All.SelectMany(t => t.NearestBehaviours).Concat(ClientRuleCatalogue.All.SelectMany(r => r.NearestBehaviours));
        named.Should().OnlyContain(id => BehaviourCatalogue.Find(id) != null);
        TipCatalogue.All.Should().OnlyContain(t => t.NearestBehaviours.Count > 0);
    }

    [Test]
    public void Client_rules_are_documented_or_advisory_never_baseline() =>
        ClientRuleCatalogue.All.Should().OnlyContain(r => r.Level != RequirementLevel.Baseline);

    [Test]
    public void Tips_are_found_by_id() =>
        TipCatalogue.Find("tip.bytes-to-string")!.Section.Should().Be("Invalid client");

    [TestCase("owner", UserRole.Owner)]
    [TestCase("campaign_coordinator", UserRole.CampaignCoordinator)]
    [TestCase("content_creator", UserRole.ContentCreator)]
    public void A_role_reads_back_from_its_wire_name(string wireName, UserRole role)
    {
        role.ToWireName().Should().Be(wireName);
        UserRoles.FromWireName(wireName).Should().Be(role);
    }

    [Test]
    public void Every_role_and_family_round_trips_through_its_wire_name()
    {
        Enum.GetValues<UserRole>().Should().OnlyContain(r => UserRoles.FromWireName(r.ToWireName()) == r);
        Enum.GetValues<EndpointFamily>().Should().OnlyContain(f => EndpointFamilies.FromWireName(f.ToWireName()) == f);
    }

    [TestCase("CampaignCoordinator")]
    [TestCase("Campaign Coordinator")]
    [TestCase("")]
    public void Wire_names_are_exact(string name) =>
        UserRoles.FromWireName(name).Should().BeNull();

    [TestCase("campaign coordinator", UserRole.CampaignCoordinator)]
    [TestCase("Owner", UserRole.Owner)]
    public void Features_may_write_roles_as_words(string text, UserRole role) =>
        UserRoles.Parse(text).Should().Be(role);

    [TestCase("superuser")]
    [TestCase("7")]
    public void A_role_that_is_not_klaviyos_is_refused(string text) =>
        FluentActions.Invoking(() => UserRoles.Parse(text)).Should().Throw<ArgumentException>();

    [Test]
    public void Only_owners_admins_and_managers_may_grant_access() =>
        Enum.GetValues<UserRole>().Where(r => r.MayGrantAccess()).Should().Equal(UserRole.Owner, UserRole.Admin, UserRole.Manager);
}
