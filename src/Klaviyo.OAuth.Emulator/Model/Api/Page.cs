namespace Klaviyo.OAuth.Emulator.Model.Api;

/// <summary>One page of a collection, by position: where the next and previous pages start, if they exist.</summary>
internal sealed record Page(IReadOnlyList<ApiResource> Items, int? NextOffset, int? PreviousOffset)
{
    public static Page Of(IReadOnlyList<ApiResource> all, int offset, int size)
    {
        var items = all.Skip(offset).Take(size).ToArray();
        int? next = offset + size < all.Count ? offset + size : null;
        int? previous = offset > 0 ? Math.Max(0, offset - size) : null;
        return new Page(items, next, previous);
    }
}
