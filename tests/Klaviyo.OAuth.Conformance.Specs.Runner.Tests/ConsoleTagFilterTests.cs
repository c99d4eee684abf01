using FluentAssertions;

namespace Klaviyo.OAuth.Conformance.Specs.Runner.Tests;

/// <summary>The console host's filter reads dotnet test's --filter syntax over tags, as the NUnit host's categories do.</summary>
public class ConsoleTagFilterTests
{
    private static readonly string[] DocumentedToken = ["documented", "token.invalid-client", "needs-client"];
    private static readonly string[] AdvisoryClock = ["rfc-should", "rfc6585.retry-after", "needs-clock"];

    [TestCase("Category=documented", true, false)]
    [TestCase("Category!=needs-clock", true, false)]
    [TestCase("Category=documented|Category=needs-clock", true, true)]
    [TestCase("Category=documented&Category=needs-clock", false, false)]
    [TestCase("(Category=documented|Category=rfc-should)&Category!=needs-clock", true, false)]
    [TestCase("Category~token.", true, false)]
    [TestCase("Category!~token.", false, true)]
    [TestCase("category=DOCUMENTED", true, false)]
    [TestCase("", true, true)]
    public void Selects_scenarios_by_their_tags(string filter, bool documentedToken, bool advisoryClock)
    {
        var parsed = TagFilter.Parse(filter);

        parsed.Matches(DocumentedToken).Should().Be(documentedToken);
        parsed.Matches(AdvisoryClock).Should().Be(advisoryClock);
    }

    [Test]
    public void A_filter_lists_the_whole_tags_it_names_and_not_the_parts_it_looks_for() =>
        TagFilter.Parse("(Category=@documented|Category!=needs-clock)&Category~token.").NamedTags.Should().Equal("documented", "needs-clock");

    [TestCase("Category=")]
    [TestCase("Name=x")]
    [TestCase("(Category=documented")]
    [TestCase("Category=documented)")]
    [TestCase("Category documented")]
    public void A_filter_it_cannot_read_is_refused_with_a_message_that_shows_the_syntax(string filter) =>
        FluentActions.Invoking(() => TagFilter.Parse(filter)).Should().Throw<FormatException>().WithMessage("*dotnet test --filter*");
}
