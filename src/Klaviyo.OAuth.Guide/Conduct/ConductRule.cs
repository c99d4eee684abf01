using Klaviyo.OAuth.Guide;
using Klaviyo.OAuth.Guide.Catalogue;

namespace Klaviyo.OAuth.Guide.Conduct;

/// <summary>
/// One client-conduct rule as code: its id, level and words (declared by the rule's class), which
/// requests exercise it, and which of them break it.
/// </summary>
public abstract class ConductRule
{
    protected ConductRule(ClientRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        Rule = rule;
    }

    public ClientRule Rule { get; }

    /// <summary>The situation that exercises the rule, and how to create it with the emulator.</summary>
    public abstract string Situation { get; }

    public ConductResult Evaluate(AppTraffic traffic)
    {
        ArgumentNullException.ThrowIfNull(traffic);
        var exercised = Exercising(traffic).ToList();
        if (exercised.Count == 0)
        {
            return new ConductResult(Rule, Verdict.NotVerified, 0, [], Situation);
        }

        var evidence = Breaches(traffic, exercised).ToList();
        var verdict = evidence.Count == 0 ? Verdict.Satisfied
            : Rule.Level == RequirementLevel.Documented ? Verdict.NotSatisfied
            : Verdict.AdvisoryNotMet;
        return new ConductResult(Rule, verdict, exercised.Count, evidence, Situation);
    }

    /// <summary>The requests the rule applies to; none means "not verified".</summary>
    protected abstract IEnumerable<AppRequest> Exercising(AppTraffic traffic);

    /// <summary>Of those, the ones that break the rule, as evidence.</summary>
    protected abstract IEnumerable<ConductEvidence> Breaches(AppTraffic traffic, IReadOnlyList<AppRequest> exercised);
}
