using Bogus;

namespace Klaviyo.OAuth.Emulator.Model.Api;

/// <summary>Ids of the lengths and alphabets Klaviyo uses, so that an app's id columns and parsers meet real ones.</summary>
internal static class ApiIds
{
    private const string Alphanumeric = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private const string Crockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    /// <summary>Profiles: 26-character ULIDs, e.g. 01GDDKASAP8TKDDA2GRZDSVP4H.</summary>
    public static string Profile(Faker f) => "01" + f.Random.String2(24, Crockford);

    /// <summary>Lists and metrics: six alphanumeric characters, e.g. Y6nRLr.</summary>
    public static string Short(Faker f) => f.Random.String2(6, Alphanumeric);

    /// <summary>Events: 27 alphanumeric characters.</summary>
    public static string Event(Faker f) => f.Random.String2(27, Alphanumeric);
}

/// <summary>Dates of the generated data: a fixed window, never the wall clock, so a seed always gives the same data.</summary>
internal static class ApiDates
{
    public static readonly DateTimeOffset DataStart = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset DataEnd = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static string Format(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss+00:00", System.Globalization.CultureInfo.InvariantCulture);
}
