using System.Reflection;

namespace Klaviyo.OAuth.Conformance.Runner;

/// <summary>
/// Which scenarios a run includes before any filter a person gives (e.g. scenarios that test the
/// suite's own engines stay out of a run against a remote target). Both hosts apply it: a scenario
/// it leaves out is neither run nor listed.
/// </summary>
public interface IScenarioSelection
{
    /// <param name="context">The run's context when a run is starting; null while a test host discovers its tests.</param>
    TagFilter Selection(RunContext? context);
}

/// <summary>Names an <see cref="IScenarioSelection"/> of a test assembly.</summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
public sealed class ScenarioSelectionAttribute(Type selection) : Attribute
{
    public Type Selection { get; } = selection;

    /// <summary>The scenarios every selection of the assembly includes.</summary>
    /// <param name="context">The run's context when a run is starting; null while a test host discovers its tests.</param>
    public static TagFilter Of(Assembly testAssembly, RunContext? context)
    {
        ArgumentNullException.ThrowIfNull(testAssembly);
        return testAssembly.GetCustomAttributes<ScenarioSelectionAttribute>()
            .Select(attribute => ((IScenarioSelection)Activator.CreateInstance(attribute.Selection)!).Selection(context))
            .Aggregate(TagFilter.All, (all, selection) => all.And(selection));
    }
}
