using Bogus;

namespace Klaviyo.OAuth.Emulator.Model.Api;

/// <summary>The account as GET /api/accounts/ shows it: Klaviyo's attributes, nothing of the emulator's own.</summary>
internal sealed record AccountDetails(
    string Id,
    string OrganizationName,
    string SenderName,
    string SenderEmail,
    string WebsiteUrl,
    string Address1,
    string City,
    string Region,
    string Country,
    string Zip,
    string Industry,
    string Timezone,
    string PublicApiKey) : ApiResource("account", Id)
{
    private static readonly string[] Industries = ["Apparel & Accessories", "Food & Beverage", "Health & Beauty", "Home & Garden", "Sporting Goods"];

    public override object Attributes => new
    {
        test_account = false,
        contact_information = new
        {
            default_sender_name = SenderName,
            default_sender_email = SenderEmail,
            website_url = WebsiteUrl,
            organization_name = OrganizationName,
            street_address = new { address1 = Address1, address2 = (string?)null, city = City, region = Region, country = Country, zip = Zip },
        },
        industry = Industry,
        timezone = Timezone,
        preferred_currency = "USD",
        public_api_key = PublicApiKey,
        locale = "en-US",
    };

    private static readonly Lock FakerGate = new();
    private static readonly Faker SharedFaker = new();

    /// <summary>The details of one account; the same seed and account id give the same details.</summary>
    public static AccountDetails Generate(int seed, string accountId)
    {
        // Building a Faker costs about 0.7 MB and a millisecond, more than the rest of an API call; one
        // is kept, and re-seeded for each account under a lock (a Faker is not thread-safe).
        lock (FakerGate)
        {
            SharedFaker.Random = new Randomizer(seed ^ StableHash(accountId));
            return Generate(SharedFaker, accountId);
        }
    }

    private static AccountDetails Generate(Faker f, string accountId)
    {
        var organization = f.Company.CompanyName();
        var domain = f.Internet.DomainName();
        return new AccountDetails(
            accountId,
            organization,
            organization,
            "hello@" + domain,
            "https://" + domain,
            f.Address.StreetAddress(),
            f.Address.City(),
            f.Address.StateAbbr(),
            "United States",
            f.Address.ZipCode("#####"),
            f.PickRandom(Industries),
            f.PickRandom("US/Eastern", "US/Central", "US/Mountain", "US/Pacific"),
            f.Random.String2(6, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"));
    }

    // string.GetHashCode differs between processes; the data must not.
    private static int StableHash(string text)
    {
        unchecked
        {
            var hash = 17;
            foreach (var c in text)
            {
                hash = (hash * 31) + c;
            }

            return hash;
        }
    }
}
