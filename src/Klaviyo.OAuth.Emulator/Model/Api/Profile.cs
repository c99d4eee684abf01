using Bogus;

namespace Klaviyo.OAuth.Emulator.Model.Api;

/// <summary>A person in the account's audience (GET /api/profiles/).</summary>
internal sealed record Profile(
    string Id,
    string Email,
    string PhoneNumber,
    string FirstName,
    string LastName,
    string Organization,
    string Title,
    string City,
    string Region,
    string Country,
    string Zip,
    DateTimeOffset Created,
    DateTimeOffset Updated) : ApiResource("profile", Id)
{
    public override object Attributes => new
    {
        email = Email,
        phone_number = PhoneNumber,
        external_id = (string?)null,
        anonymous_id = (string?)null,
        first_name = FirstName,
        last_name = LastName,
        organization = Organization,
        locale = "en-US",
        title = Title,
        image = (string?)null,
        created = ApiDates.Format(Created),
        updated = ApiDates.Format(Updated),
        last_event_date = (string?)null,
        location = new { address1 = (string?)null, address2 = (string?)null, city = City, country = Country, region = Region, zip = Zip, timezone = (string?)null, ip = (string?)null },
        properties = new { },
    };

    public static Profile Generate(Faker f)
    {
        var firstName = f.Name.FirstName();
        var lastName = f.Name.LastName();
        var created = f.Date.BetweenOffset(ApiDates.DataStart, ApiDates.DataEnd);
        return new Profile(
            ApiIds.Profile(f),
            f.Internet.Email(firstName, lastName).ToLowerInvariant(),
            "+1" + f.Random.ReplaceNumbers("##########"),
            firstName,
            lastName,
            f.Company.CompanyName(),
            f.Name.JobTitle(),
            f.Address.City(),
            f.Address.StateAbbr(),
            "United States",
            f.Address.ZipCode("#####"),
            created,
            f.Date.BetweenOffset(created, ApiDates.DataEnd));
    }
}
