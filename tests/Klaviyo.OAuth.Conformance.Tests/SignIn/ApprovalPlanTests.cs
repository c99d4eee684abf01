using FluentAssertions;
using Klaviyo.OAuth.Conformance.SignIn;
using NUnit.Framework;

namespace Klaviyo.OAuth.Conformance.Tests.SignIn;

/// <summary>The number of approvals a run asks for, from its scenarios' tags, before the first one.</summary>
public class ApprovalPlanTests
{
    private static readonly string[] CodeExchange = ["needs-client", "needs-approval", "baseline"];
    private static readonly string[] PkceError = ["@needs-client", "@needs-approval", "@documented"];
    private static readonly string[] Revocation = ["needs-client", "destructive", "needs-refresh-token", "baseline"];
    private static readonly string[] SecondGrant = ["needs-client", "needs-refresh-token", "destructive", "needs-approval", "documented"];
    private static readonly string[] NoApproval = ["needs-client", "documented"];

    [Test]
    public void Scenarios_without_an_approval_ask_for_none() =>
        ApprovalPlan.Count([NoApproval, NoApproval]).Should().Be(0);

    [Test]
    public void Refused_exchanges_share_one_approval_and_each_successful_exchange_needs_its_own() =>
        ApprovalPlan.Count([PkceError, PkceError, PkceError, CodeExchange, CodeExchange, NoApproval]).Should().Be(3);

    [Test]
    public void Each_destructive_scenario_counts_a_throwaway_set_of_its_own_as_its_order_after_a_successful_exchange_is_not_known()
    {
        ApprovalPlan.Count([CodeExchange, Revocation]).Should().Be(2);
        ApprovalPlan.Count([Revocation, SecondGrant, PkceError]).Should().Be(4, "a second grant needs a set of its own");
    }
}
