using Bogus;

namespace Klaviyo.OAuth.Emulator.Model.Api;

/// <summary>A list profiles subscribe to (GET /api/lists/).</summary>
internal sealed record KlaviyoList(string Id, string Name, string OptInProcess, DateTimeOffset Created, DateTimeOffset Updated) : ApiResource("list", Id)
{
    private static readonly string[] Names = ["Newsletter", "VIP Customers", "Back in Stock", "Preview List", "Wholesale", "Product Launch", "Holiday Offers", "Re-engagement"];

    public override object Attributes => new
    {
        name = Name,
        created = ApiDates.Format(Created),
        updated = ApiDates.Format(Updated),
        opt_in_process = OptInProcess,
    };

    public static KlaviyoList Generate(Faker f, int index)
    {
        var created = f.Date.BetweenOffset(ApiDates.DataStart, ApiDates.DataEnd);
        return new KlaviyoList(
            ApiIds.Short(f),
            Names[index % Names.Length],
            f.PickRandom("double_opt_in", "single_opt_in"),
            created,
            f.Date.BetweenOffset(created, ApiDates.DataEnd));
    }
}
