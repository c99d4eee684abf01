using System.Reflection;

namespace Klaviyo.OAuth.Conformance.Runner;

/// <summary>
/// What a scenario shares with others of the run, from its tags (e.g. the configured tokens a target
/// without a control API offers): the console host runs scenarios that share something one after
/// another (<see cref="ScenarioScheduler"/>).
/// </summary>
public interface IScenarioSharing
{
    /// <summary>The names of what a scenario with these tags (without '@') shares in this run; empty when nothing.</summary>
    IReadOnlyCollection<string> SharedBy(IReadOnlyCollection<string> tags, RunContext context);
}

/// <summary>Names an <see cref="IScenarioSharing"/> of a test assembly.</summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
public sealed class ScenarioSharingAttribute(Type sharing) : Attribute
{
    public Type Sharing { get; } = sharing;

    /// <summary>What each scenario shares, by every sharing the assembly names (nothing when it names none).</summary>
    public static Func<ScenarioPlan, IReadOnlyCollection<string>> Of(Assembly testAssembly, RunContext context)
    {
        ArgumentNullException.ThrowIfNull(testAssembly);
        ArgumentNullException.ThrowIfNull(context);
        var sharings = testAssembly.GetCustomAttributes<ScenarioSharingAttribute>()
            .Select(attribute => (IScenarioSharing)Activator.CreateInstance(attribute.Sharing)!)
            .ToArray();
        return scenario =>
        {
            var tags = scenario.AllTags.ToArray();
            return sharings.SelectMany(s => s.SharedBy(tags, context)).Distinct(StringComparer.Ordinal).ToArray();
        };
    }
}
