using System.Reflection;
using NUnit.Framework;
using Reqnroll;

namespace Klaviyo.OAuth.Conformance.Runner;

/// <summary>
/// Starts Reqnroll's test run before the first feature and ends it (hooks, reports) after the last,
/// with the run's <see cref="RunContext"/>. A test assembly derives one <c>[SetUpFixture]</c> class from it.
/// </summary>
public abstract class TestRun
{
    /// <summary>Where <c>dotnet test</c> writes its reports when set; otherwise the repository's reports/ folder, whatever the working directory.</summary>
    public const string ReportsFolderVariable = "CONFORMANCE_REPORTS_DIR";

    private RunContext? _context;

    private Assembly TestAssembly => GetType().Assembly;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        var configured = Environment.GetEnvironmentVariable(ReportsFolderVariable);
        var reports = string.IsNullOrWhiteSpace(configured) ? Path.Combine(RepositoryRoot.Find() ?? AppContext.BaseDirectory, "reports") : configured;
        // Notes only: `dotnet test` reports each scenario itself, once (its console logger's result line).
        _context = new RunContext(reports, FeatureCatalog.Features, new TextRunProgress(TestContext.Progress));
        await _context.StartTestRunAsync(TestAssembly);
    }

    [OneTimeTearDown]
    public async Task EndAsync()
    {
        await TestRunnerManager.OnTestRunEndAsync(TestAssembly);
        var failures = _context is null ? [] : await _context.NotifyRunCompletedAsync();
        if (failures.Count > 0)
        {
            Assert.Fail(string.Join(Environment.NewLine, failures));
        }
    }
}
