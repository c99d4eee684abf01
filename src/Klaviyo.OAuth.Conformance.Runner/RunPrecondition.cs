namespace Klaviyo.OAuth.Conformance.Runner;

/// <summary>
/// Something that must hold before any scenario can run (e.g. a usable configuration). Checked
/// when tests are discovered: a problem turns the whole run into one failing test with its message,
/// instead of the same failure repeated for every scenario.
/// </summary>
public interface IRunPrecondition
{
    /// <summary>The problem, in words that say what to fix; null when the run can go ahead.</summary>
    string? Problem();
}

/// <summary>Names the <see cref="IRunPrecondition"/> of a test assembly.</summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
public sealed class RunPreconditionAttribute(Type precondition) : Attribute
{
    public Type Precondition { get; } = precondition;
}
