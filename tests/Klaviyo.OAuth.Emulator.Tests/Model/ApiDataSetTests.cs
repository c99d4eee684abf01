using System.Text.Json;
using Klaviyo.OAuth.Emulator.Model.Api;

namespace Klaviyo.OAuth.Emulator.Tests.Model;

public class ApiDataSetTests
{
    [Test]
    public void The_same_seed_gives_the_same_data_and_another_seed_other_data()
    {
        var first = Snapshot(new ApiDataSet(7));

        Snapshot(new ApiDataSet(7)).Should().Be(first);
        Snapshot(new ApiDataSet(8)).Should().NotBe(first);
    }

    [Test]
    public void Every_event_points_at_a_metric_and_a_profile_of_the_same_data()
    {
        var data = new ApiDataSet(7);

        data.Events.Should().HaveCount(ApiDataSet.EventCount);
        data.Events.Should().OnlyContain(e => data.Find("metric", e.Metric.Id) == e.Metric && data.Find("profile", e.Profile.Id) == e.Profile);
        data.Events.Select(e => e.Happened).Should().BeInDescendingOrder("the newest events come first");
    }

    [Test]
    public void Ids_have_Klaviyos_lengths()
    {
        var data = new ApiDataSet(7);

        data.Profiles.Should().OnlyContain(p => p.Id.Length == 26);
        data.Lists.Should().OnlyContain(l => l.Id.Length == 6);
        data.Metrics.Should().OnlyContain(m => m.Id.Length == 6);
        data.Events.Select(e => e.Id).Should().OnlyHaveUniqueItems();
    }

    [Test]
    public void An_accounts_details_depend_on_the_seed_and_the_account()
    {
        AccountDetails.Generate(7, "acc_one").Should().Be(AccountDetails.Generate(7, "acc_one"));
        AccountDetails.Generate(7, "acc_one").OrganizationName.Should().NotBe(AccountDetails.Generate(7, "acc_two").OrganizationName);
        AccountDetails.Generate(7, "acc_one").OrganizationName.Should().NotBe(AccountDetails.Generate(8, "acc_one").OrganizationName);
    }

    [Test]
    public void An_accounts_details_do_not_depend_on_which_accounts_were_generated_before_or_alongside()
    {
        var alone = AccountDetails.Generate(7, "acc_one");

        var alongside = Enumerable.Range(0, 64).AsParallel()
            .Select(i => i % 2 == 0 ? AccountDetails.Generate(7, "acc_one") : AccountDetails.Generate(i, "acc_" + i))
            .Where(details => details.Id == "acc_one")
            .ToList();

        alongside.Should().HaveCount(32).And.OnlyContain(details => details == alone);
    }

    private static string Snapshot(ApiDataSet data) =>
        JsonSerializer.Serialize(new object[] { data.Profiles.Select(p => p.Attributes), data.Lists.Select(l => l.Id), data.Events.Select(e => e.Attributes) });
}
