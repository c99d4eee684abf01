using System.Collections.Frozen;

namespace Klaviyo.OAuth.Guide.Conduct;

/// <summary>
/// Every client-conduct rule of docs/diagnosis.md, in its order: the words and id each rule's
/// class declares (<see cref="ConductRules"/>), read without the code that checks them.
/// </summary>
public static class ClientRuleCatalogue
{
    private static readonly ClientRule[] Entries = [.. ConductRules.All.Select(r => r.Rule)];

    private static readonly FrozenDictionary<string, ClientRule> ById = Entries.ToFrozenDictionary(r => r.Id, StringComparer.Ordinal);

    /// <summary>All rules, in the order of DIAGNOSIS.md.</summary>
    public static IReadOnlyList<ClientRule> All => Entries;

    /// <summary>The rule with this id, or null.</summary>
    public static ClientRule? Find(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return ById.GetValueOrDefault(id);
    }
}
