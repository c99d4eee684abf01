using System.Text.Json;
using Klaviyo.OAuth.Guide.Traffic;

namespace Klaviyo.OAuth.Guide.Diagnosis;

/// <summary>Reads what the server said in a response: the OAuth error and description, or the JSON:API error code.</summary>
internal static class ResponseError
{
    public static (string? Error, string? Description) Read(RecordedResponse? response)
    {
        if (response is null || response.Body.Length == 0 || response.Body.Length > 64 * 1024)
        {
            return (null, null);
        }

        try
        {
            using var json = JsonDocument.Parse(response.Body);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, null);
            }

            if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array && errors.GetArrayLength() > 0
                && errors[0].ValueKind == JsonValueKind.Object && errors[0].TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.String)
            {
                return (code.GetString(), null);
            }

            return (Text(root, "error"), Text(root, "error_description"));
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }

    public static string? Describe(RecordedResponse response)
    {
        var (error, description) = Read(response);
        return error is null ? null : description is null ? error : $"{error}: \"{description}\"";
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
