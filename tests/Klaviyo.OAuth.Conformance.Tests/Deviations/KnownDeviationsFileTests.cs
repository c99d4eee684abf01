using FluentAssertions;
using Klaviyo.OAuth.Conformance.Deviations;
using NUnit.Framework;

namespace Klaviyo.OAuth.Conformance.Tests.Deviations;

/// <summary>The known-deviations file: what it accepts, and one message naming the entry for anything else.</summary>
public class KnownDeviationsFileTests
{
    private static readonly HashSet<string> Ids = ["token.invalid-client", "revoke.succeeds"];
    private static readonly DateOnly Today = new(2026, 12, 6);

    private static KnownDeviations Parse(string json) => KnownDeviations.Parse(json, "deviations.json", Ids, "a behaviour of the catalogue", Today);

    [Test]
    public void Entries_are_read_with_their_reason_and_optional_date()
    {
        var deviations = Parse("""
            [
              { "id": "token.invalid-client", "reason": "our gateway answers 400", "until": "2027-01-31" },
              { "id": "@revoke.succeeds", "reason": "staging has no revoke" }
            ]
            """);

        deviations.Entries.Should().Equal(
            new KnownDeviation("token.invalid-client", "our gateway answers 400", new DateOnly(2027, 1, 31)),
            new KnownDeviation("revoke.succeeds", "staging has no revoke", null));
        deviations.Expired.Should().BeEmpty();
    }

    [Test]
    public void An_entry_past_its_date_is_expired_the_day_after()
    {
        var deviations = Parse("""[{ "id": "revoke.succeeds", "reason": "r", "until": "2026-12-05" }]""");

        deviations.Expired.Select(e => e.Id).Should().Equal("revoke.succeeds");
        new KnownDeviation("x", "r", Today).ExpiredOn(Today).Should().BeFalse();
    }

    [TestCase("""[{ "id": "token.invalid-clinet", "reason": "r" }]""", "deviations.json, entry 1: \"token.invalid-clinet\" is not a behaviour of the catalogue*")]
    [TestCase("""[{ "id": "client.basic-auth", "reason": "r" }]""", "*\"client.basic-auth\" is not a behaviour of the catalogue. It is a client-conduct rule: list it in the file you give grade --deviations.")]
    [TestCase("""[{ "id": "revoke.succeeds", "reason": "a" }, { "id": "revoke.succeeds", "reason": "b" }]""", "deviations.json, entry 2: \"revoke.succeeds\" is listed twice*")]
    [TestCase("""{ "id": "revoke.succeeds", "reason": "a" }""", "deviations.json holds an object, not an array*")]
    [TestCase("""["revoke.succeeds"]""", "deviations.json, entry 1 is a string, not an object*")]
    [TestCase("""[{ "id": "revoke.succeeds" }]""", "deviations.json, entry 1 (\"revoke.succeeds\") has no \"reason\"*")]
    [TestCase("""[{ "reason": "r" }]""", "deviations.json, entry 1 has no \"id\"*")]
    [TestCase("""[{ "id": "revoke.succeeds", "reason": "r", "until": "31/01/2027" }]""", "*entry 1 (\"revoke.succeeds\"): until is \"31/01/2027\", not a date as YYYY-MM-DD*")]
    [TestCase("""[{ "id": "revoke.succeeds", "reason": "r", "expires": "2027-01-01" }]""", "*entry 1 has \"expires\", which is not id, reason or until*")]
    [TestCase("""[{ "id": 7, "reason": "r" }]""", "*entry 1: \"id\" is a number, not a string*")]
    [TestCase("""[{ "id": "revoke.succeeds", """, "deviations.json is not valid JSON*")]
    public void A_file_that_cannot_be_used_is_one_message_naming_the_entry(string json, string message) =>
        FluentActions.Invoking(() => Parse(json)).Should().Throw<DeviationsFileException>().WithMessage(message);

    [Test]
    public void A_missing_file_says_so() =>
        FluentActions.Invoking(() => KnownDeviations.ForBehaviours(Path.Combine(Path.GetTempPath(), "no-such-deviations.json")))
            .Should().Throw<DeviationsFileException>().WithMessage("*does not exist*");

    [Test]
    public void Client_rule_files_know_the_client_rules_and_not_the_behaviours()
    {
        var path = Path.Combine(Path.GetTempPath(), $"deviations-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """[{ "id": "token.invalid-client", "reason": "r" }]""");
        try
        {
            FluentActions.Invoking(() => KnownDeviations.ForClientRules(path)).Should().Throw<DeviationsFileException>().WithMessage("*is not a client-conduct rule. It is a behaviour of the catalogue: list it in the file you give run (or report) --deviations.");
            KnownDeviations.ForBehaviours(path).Entries.Should().ContainSingle();
        }
        finally
        {
            File.Delete(path);
        }
    }
}
