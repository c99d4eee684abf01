using System.Text.Json;
using Klaviyo.OAuth.Emulator.Model;

namespace Klaviyo.OAuth.Emulator.Http;

/// <summary>Reading the control API's small JSON bodies; every mistake is an ArgumentException (400).</summary>
internal static class ControlJson
{
    public static JsonDocument Parse(byte[] body)
    {
        if (body.Length == 0)
        {
            return JsonDocument.Parse("{}");
        }

        var document = JsonDocument.Parse(body);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            document.Dispose();
            throw new ArgumentException("The body must be a JSON object.");
        }

        return document;
    }

    public static string? String(JsonElement body, string name) =>
        Property(body, name, JsonValueKind.String) is { } value ? value.GetString() : null;

    public static string RequiredString(JsonElement body, string name) =>
        String(body, name) ?? throw new ArgumentException($"\"{name}\" (a string) is required.");

    public static bool? Bool(JsonElement body, string name)
    {
        if (!body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new ArgumentException($"\"{name}\" must be true or false."),
        };
    }

    public static double? Number(JsonElement body, string name) =>
        Property(body, name, JsonValueKind.Number) is { } value ? value.GetDouble() : null;

    public static IReadOnlyList<string>? StringList(JsonElement body, string name)
    {
        if (Property(body, name, JsonValueKind.Array) is not { } array)
        {
            return null;
        }

        return array.EnumerateArray()
            .Select(item => item.ValueKind == JsonValueKind.String ? item.GetString()! : throw new ArgumentException($"\"{name}\" must be an array of strings."))
            .ToArray();
    }

    public static UserRole Role(JsonElement body) =>
        UserRoles.FromWireName(RequiredString(body, "role")) ?? throw new ArgumentException($"Unknown \"role\"; use one of {UserRoles.WireNameList}.");

    public static EndpointFamily Family(string name) =>
        EndpointFamilies.FromWireName(name) ?? throw new KeyNotFoundException($"Unknown endpoint family \"{name}\"; use one of {EndpointFamilies.WireNameList}.");

    private static JsonElement? Property(JsonElement body, string name, JsonValueKind kind)
    {
        if (!body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == kind ? value : throw new ArgumentException($"\"{name}\" must be a {kind.ToString().ToLowerInvariant()}.");
    }
}
