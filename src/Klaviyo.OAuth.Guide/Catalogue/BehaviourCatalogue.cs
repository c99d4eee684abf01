using System.Collections.Frozen;

namespace Klaviyo.OAuth.Guide.Catalogue;

/// <summary>
/// Every behaviour of docs/behaviours.md, in the catalogue's order. The conformance report
/// has one row per entry; a scenario tag naming an id that is not here is a defect of the suite.
/// </summary>
public static partial class BehaviourCatalogue
{
    private const string Guide = "Klaviyo guide: Troubleshoot OAuth errors — ";
    private const string ServiceUnavailable = "OAuth service is temporarily unavailable on Klaviyo.";

    private static readonly Behaviour[] Entries =
    [
        .. TokenEndpoint(),
        .. RevokeEndpoint(),
        .. Authorization(),
        .. ClientPage(),
        .. ApiCalls(),
        .. BeyondTheGuide(),
    ];

    private static readonly FrozenDictionary<string, Behaviour> ById =
        Entries.ToFrozenDictionary(b => b.Id, StringComparer.Ordinal);

    /// <summary>All behaviours, grouped as the guide is, in catalogue order.</summary>
    public static IReadOnlyList<Behaviour> All => Entries;

    /// <summary>The behaviour with this id (with or without a leading @), or null.</summary>
    public static Behaviour? Find(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return ById.GetValueOrDefault(id.TrimStart('@'));
    }

    /// <summary>
    /// Whether a scenario tag is meant as a behaviour id: ids are lowercase and dotted
    /// (<c>area.behaviour</c>), which no other tag of the suite is.
    /// </summary>
    public static bool LooksLikeBehaviourId(string tag)
    {
        ArgumentNullException.ThrowIfNull(tag);
        return tag.TrimStart('@').Contains('.', StringComparison.Ordinal);
    }
}
