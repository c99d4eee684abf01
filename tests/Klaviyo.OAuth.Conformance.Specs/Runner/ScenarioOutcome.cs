using System.Runtime.ExceptionServices;
using NUnit.Framework;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;

namespace Klaviyo.OAuth.Conformance.Specs.Runner;

/// <summary>
/// How one scenario ended, decided in one place from what Reqnroll threw, and reported to NUnit
/// and to the console's progress: passed, failed, undefined (fails with the snippet), skipped
/// (pending, ignored, or a missing capability), or advisory (a failure that is only a warning).
/// </summary>
public sealed class ScenarioOutcome
{
    private readonly Kind _kind;
    private readonly System.Exception? _failure;

    private ScenarioOutcome(Kind kind, System.Exception? failure)
    {
        _kind = kind;
        _failure = failure;
    }

    private enum Kind
    {
        Passed,
        Failed,
        Undefined,
        Pending,
        Skipped,
        Advisory,
    }

    public bool Passed => _kind == Kind.Passed;

    public static ScenarioOutcome Pass { get; } = new(Kind.Passed, null);

    public static ScenarioOutcome Of(System.Exception failure, bool undefinedStep, bool warnOnly) => failure switch
    {
        PendingOrUndefinedStepsException when undefinedStep => new(Kind.Undefined, failure),
        PendingOrUndefinedStepsException => new(Kind.Pending, failure),
        IgnoreException => new(Kind.Skipped, failure),
        _ when warnOnly => new(Kind.Advisory, failure),
        _ => new(Kind.Failed, failure),
    };

    /// <summary>One progress line for the console, as the scenario finishes.</summary>
    public string ProgressLine(string scenario) => _kind switch
    {
        Kind.Passed => $"  ✓ {scenario}",
        Kind.Failed => $"  ✗ {scenario}",
        Kind.Undefined => $"  ✗ {scenario} (undefined step)",
        Kind.Advisory => $"  ! {scenario} (advisory)",
        _ => $"  - {scenario} (skipped)",
    };

    /// <summary>Gives NUnit the outcome: returns for a pass, otherwise fails, ignores or warns.</summary>
    public void Report()
    {
        switch (_kind)
        {
            case Kind.Passed:
                return;
            case Kind.Undefined:
                Assert.Fail(_failure!.Message);
                return;
            case Kind.Pending:
                Assert.Ignore(_failure!.Message);
                return;
            case Kind.Advisory:
                DowngradeToWarning("Advisory requirement not met: " + _failure!.Message);
                return;
            default:
                ExceptionDispatchInfo.Throw(_failure!);
                return;
        }
    }

    /// <summary>
    /// NUnit records a failed assertion in the test's result before it throws, so catching the
    /// exception is not enough: the recorded failure is withdrawn and a warning stands in its place.
    /// </summary>
    private static void DowngradeToWarning(string message)
    {
        var result = TestExecutionContext.CurrentContext.CurrentResult;
        result.AssertionResults.Clear();
        result.SetResult(ResultState.Success);
        Assert.Warn(message);
    }
}
