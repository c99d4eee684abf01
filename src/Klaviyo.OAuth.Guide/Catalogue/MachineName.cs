using System.Text.Json;

namespace Klaviyo.OAuth.Guide.Catalogue;

/// <summary>
/// The stable machine name of an enum value: its name in kebab case (NotSatisfied is "not-satisfied").
/// The same policy names the values in conformance.json, so tags, HTML ids and the JSON cannot drift apart.
/// </summary>
public static class MachineName
{
    public static JsonNamingPolicy Policy => JsonNamingPolicy.KebabCaseLower;

    public static string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum =>
        Enum.IsDefined(value)
            ? Policy.ConvertName(value.ToString())
            : throw new ArgumentOutOfRangeException(nameof(value), value, $"Not a {typeof(TEnum).Name}.");
}
