using System.Buffers.Text;
using System.Globalization;
using System.Text;
using Klaviyo.OAuth.Emulator.Model;

namespace Klaviyo.OAuth.Emulator.Http;

/// <summary>
/// Cursor pagination as Klaviyo does it: page[size] and an opaque page[cursor] that only
/// links.next and links.prev hand out.
/// </summary>
internal static class ApiPaging
{
    public const int DefaultSize = 20;
    public const int MaxSize = 100;
    private const string CursorPrefix = "offset:";

    /// <summary>Reads page[size] and page[cursor]; null with the problem when either is invalid.</summary>
    public static (int Offset, int Size)? Read(FormFields query, out string? problem)
    {
        problem = null;
        var size = DefaultSize;
        if (query["page[size]"] is { } sizeText
            && (!int.TryParse(sizeText, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size is < 1 or > MaxSize))
        {
            problem = $"page[size] must be an integer between 1 and {MaxSize}.";
            return null;
        }

        var offset = 0;
        if (query["page[cursor]"] is { } cursor && !TryDecode(cursor, out offset))
        {
            problem = "page[cursor] is not a cursor this API handed out.";
            return null;
        }

        return (offset, size);
    }

    public static string Cursor(int offset) => Base64Url.EncodeToString(Encoding.ASCII.GetBytes(CursorPrefix + offset.ToString(CultureInfo.InvariantCulture)));

    private static bool TryDecode(string cursor, out int offset)
    {
        offset = 0;
        return CanonicalBase64Url.TryDecode(cursor, out var bytes)
            && Encoding.ASCII.GetString(bytes) is var text && text.StartsWith(CursorPrefix, StringComparison.Ordinal)
            && int.TryParse(text.AsSpan(CursorPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out offset);
    }
}
