using System.Reflection;
using NUnit.Framework;
using Reqnroll;

namespace Klaviyo.OAuth.Conformance.Specs.Runner;

/// <summary>Starts Reqnroll's test run before the first feature and ends it (hooks, reports) after the last.</summary>
[SetUpFixture]
public sealed class TestRun
{
    private static Assembly TestAssembly => typeof(TestRun).Assembly;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        ReportsFolder.Prepare(TestAssembly);
        await TestRunnerManager.OnTestRunStartAsync(TestAssembly);
    }

    [OneTimeTearDown]
    public async Task EndAsync()
    {
        await TestRunnerManager.OnTestRunEndAsync(TestAssembly);
        await RunnerSettings.NotifyRunCompletedAsync(ReportsFolder.Path);
    }
}
