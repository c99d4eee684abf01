using Bogus;

namespace Klaviyo.OAuth.Emulator.Model.Api;

/// <summary>A kind of event the account tracks, e.g. "Placed Order" (GET /api/metrics/).</summary>
internal sealed record Metric(string Id, string Name, string IntegrationName, string IntegrationCategory, DateTimeOffset Created, DateTimeOffset Updated)
    : ApiResource("metric", Id)
{
    private static readonly (string Name, string Integration, string Category)[] Kinds =
    [
        ("Placed Order", "Shopify", "eCommerce"),
        ("Viewed Product", "Klaviyo", "API"),
        ("Active on Site", "Klaviyo", "API"),
        ("Received Email", "Klaviyo", "Internal"),
        ("Opened Email", "Klaviyo", "Internal"),
        ("Clicked Email", "Klaviyo", "Internal"),
    ];

    public static int Count => Kinds.Length;

    public override object Attributes => new
    {
        name = Name,
        created = ApiDates.Format(Created),
        updated = ApiDates.Format(Updated),
        integration = new { @object = "integration", id = IntegrationName.ToLowerInvariant(), key = IntegrationName.ToLowerInvariant(), name = IntegrationName, category = IntegrationCategory },
    };

    public static Metric Generate(Faker f, int index)
    {
        var (name, integration, category) = Kinds[index];
        var created = f.Date.BetweenOffset(ApiDates.DataStart, ApiDates.DataEnd);
        return new Metric(ApiIds.Short(f), name, integration, category, created, f.Date.BetweenOffset(created, ApiDates.DataEnd));
    }
}
