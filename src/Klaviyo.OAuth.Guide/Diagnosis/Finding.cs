using Klaviyo.OAuth.Guide.Catalogue;
using Klaviyo.OAuth.Guide.Tips;

namespace Klaviyo.OAuth.Guide.Diagnosis;

/// <summary>
/// Why one request is (or will be) refused: the tip and the behaviour, both quoted from the
/// guide's data, and what this request shows. <see cref="Detail"/> never holds a whole secret.
/// </summary>
public sealed record Finding(FindingKind Kind, string BehaviourId, string Detail)
{
    public string Id => Kind.Id;

    public string? TipId => Kind.TipId;

    public Tip? Tip => Kind.TipId is null ? null : TipCatalogue.Find(Kind.TipId);

    public Behaviour Behaviour => BehaviourCatalogue.Find(BehaviourId)
        ?? throw new InvalidOperationException($"Finding {Kind.Id} names behaviour {BehaviourId}, which the catalogue does not have.");

    /// <summary>What Klaviyo answers such a request (the catalogue's expected answer).</summary>
    public string KlaviyoAnswers => Behaviour.Expected;

    /// <summary>The guide's tip, when the finding falls under one.</summary>
    public string? TipWords => Tip?.Words;

    /// <summary>The guide's "Why and how to fix" for the behaviour.</summary>
    public string HowToFix => Behaviour.WhyAndHowToFix;
}
