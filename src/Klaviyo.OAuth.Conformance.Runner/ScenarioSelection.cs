using System.Reflection;

namespace Klaviyo.OAuth.Conformance.Runner;

/// <summary>
/// Which scenarios a run includes before any filter a person gives (e.g. scenarios that test the
/// suite's own engines stay out of a run against a remote target). Both hosts apply it: a scenario
/// it leaves out is neither run nor listed.
/// </summary>
public interface IScenarioSelection
{
    TagFilter Selection();
}

/// <summary>Names an <see cref="IScenarioSelection"/> of a test assembly.</summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
public sealed class ScenarioSelectionAttribute(Type selection) : Attribute
{
    public Type Selection { get; } = selection;

    /// <summary>The scenarios every selection of the assembly includes.</summary>
    public static TagFilter Of(Assembly testAssembly)
    {
        ArgumentNullException.ThrowIfNull(testAssembly);
        return testAssembly.GetCustomAttributes<ScenarioSelectionAttribute>()
            .Select(attribute => ((IScenarioSelection)Activator.CreateInstance(attribute.Selection)!).Selection())
            .Aggregate(TagFilter.All, (all, selection) => all.And(selection));
    }
}
