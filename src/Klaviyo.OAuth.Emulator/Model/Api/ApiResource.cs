namespace Klaviyo.OAuth.Emulator.Model.Api;

/// <summary>
/// One resource of Klaviyo's REST API as the model holds it: its JSON:API type, id and attributes
/// (named as Klaviyo names them), and the resources it points at.
/// </summary>
internal abstract record ApiResource(string Type, string Id)
{
    /// <summary>The "attributes" member, with Klaviyo's snake_case names.</summary>
    public abstract object Attributes { get; }

    /// <summary>To-one relationships (name, resource) that a request can ask to have included.</summary>
    public virtual IReadOnlyList<(string Name, ApiResource Resource)> Related => [];
}
