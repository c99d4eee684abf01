using System.Text.Encodings.Web;
using System.Text.Json;

namespace Klaviyo.OAuth.Emulator.Http;

/// <summary>
/// JSON as Klaviyo writes it: compact, and with quotes escaped as \" (not \u0022), so bodies such
/// as Missing \"refresh_token\" in request. compare byte for byte with the guide.
/// </summary>
internal static class JsonText
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static string Error(string error, string? description = null) =>
        description is null
            ? Serialize(new Dictionary<string, string> { ["error"] = error })
            : Serialize(new Dictionary<string, string> { ["error"] = error, ["error_description"] = description });
}
