using System.Reflection;
using NUnit.Framework;
using Reqnroll;

namespace Klaviyo.OAuth.Conformance.Runner;

/// <summary>
/// Starts Reqnroll's test run before the first feature and ends it (hooks, reports) after the last.
/// A test assembly derives one <c>[SetUpFixture]</c> class from it.
/// </summary>
public abstract class TestRun
{
    private Assembly TestAssembly => GetType().Assembly;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        // Notes only: `dotnet test` reports each scenario itself, once (its console logger's result line).
        RunnerSettings.Progress = new TextRunProgress(TestContext.Progress);
        // dotnet test writes to the repository's reports/ folder, whatever the working directory.
        ReportsFolder.Prepare(Path.Combine(RepositoryRoot.Find() ?? AppContext.BaseDirectory, "reports"));
        await TestRunnerManager.OnTestRunStartAsync(TestAssembly);
    }

    [OneTimeTearDown]
    public async Task EndAsync()
    {
        await TestRunnerManager.OnTestRunEndAsync(TestAssembly);
        var failures = await RunnerSettings.NotifyRunCompletedAsync(ReportsFolder.Path);
        if (failures.Count > 0)
        {
            Assert.Fail(string.Join(Environment.NewLine, failures));
        }
    }
}
