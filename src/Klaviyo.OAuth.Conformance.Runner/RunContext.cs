using System.Reflection;
using Reqnroll;

namespace Klaviyo.OAuth.Conformance.Runner;

/// <summary>
/// Everything a run shares, made by the host that starts the run (the NUnit host, or a command-line
/// tool through <see cref="ConsoleRunner"/>) and registered in Reqnroll's global container, so that
/// hooks and drivers receive it by constructor or as a hook parameter. Holds the reports folder, the
/// feature files, where progress goes, which tags make a failure advisory, what runs once the
/// reports are written, and the host's own services (<see cref="Provide{T}"/>).
/// </summary>
public sealed class RunContext
{
    private readonly List<Func<string, Task<string?>>> _completionHandlers = [];
    private readonly Dictionary<Type, object> _services = [];

    /// <param name="reportsFolder">Created when missing; Reqnroll's formatters write there (<c>{reports}</c> in reqnroll.json).</param>
    public RunContext(string reportsFolder, IReadOnlyList<FeatureFile> features, IRunProgress progress)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reportsFolder);
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(progress);
        ReportsFolder = Path.GetFullPath(reportsFolder);
        Directory.CreateDirectory(ReportsFolder);
        Features = features;
        Progress = progress;
    }

    /// <summary>Where the run writes its reports (a full path).</summary>
    public string ReportsFolder { get; }

    /// <summary>The feature files of this run, as the host loaded them (all of them, whatever a filter selects).</summary>
    public IReadOnlyList<FeatureFile> Features { get; }

    /// <summary>The scenarios this run will execute, in catalogue order, once a console host has selected them (empty under a test framework, which selects its own).</summary>
    public IReadOnlyList<ScenarioPlan> Selected { get; internal set; } = [];

    /// <summary>Where bindings write lines meant for the person running the suite, and where the host shows the run.</summary>
    public IRunProgress Progress { get; }

    /// <summary>Scenarios carrying one of these tags report a failure as a warning, which does not fail the run; set by the bindings.</summary>
    public IReadOnlySet<string> WarnOnlyTags { get; set; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Tags whose scenarios are expected to fail, each with why (a known deviation's reason): such a
    /// failure is reported as a warning, and the bindings' completion handlers decide the run; set by the bindings.
    /// </summary>
    public IReadOnlyDictionary<string, string> ExpectedFailureTags { get; set; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Why a failure of this scenario is expected, or null when it is not.</summary>
    public string? ExpectedFailureReason(ScenarioPlan scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return scenario.AllTags.Select(tag => ExpectedFailureTags.GetValueOrDefault(tag.TrimStart('@'))).FirstOrDefault(reason => reason is not null);
    }

    /// <summary>Whether a failure of this scenario is only a warning.</summary>
    public bool IsWarnOnly(ScenarioPlan scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return scenario.AllTags.Any(WarnOnlyTags.Contains);
    }

    /// <summary>
    /// Hands the bindings a service of the host's (settings it loaded, a console that can ask a person);
    /// registered in Reqnroll's global container as <typeparamref name="T"/>.
    /// </summary>
    public RunContext Provide<T>(T service)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(service);
        _services[typeof(T)] = service;
        return this;
    }

    /// <summary>The service the host provided as <typeparamref name="T"/>, or null.</summary>
    public T? Find<T>()
        where T : class => _services.TryGetValue(typeof(T), out var service) ? (T)service : null;

    internal IEnumerable<KeyValuePair<Type, object>> Services => _services;

    /// <summary>Starts Reqnroll's test run for the host's assembly with this context in its global container.</summary>
    /// <param name="testAssembly">The host's assembly, which names <see cref="RunnerPlugin"/>.</param>
    public Task StartTestRunAsync(Assembly testAssembly) =>
        TestRunnerManager.OnTestRunStartAsync(testAssembly, new RunContainerBuilder(this));

    /// <summary>
    /// Runs after the test run has ended and Reqnroll's formatters have closed their files; receives
    /// the reports folder and returns why the run fails, or null.
    /// </summary>
    public void OnRunCompleted(Func<string, Task<string?>> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        lock (_completionHandlers)
        {
            _completionHandlers.Add(handler);
        }
    }

    /// <summary>Runs the completion handlers once; returns the reasons the run fails (none when it passes).</summary>
    public async Task<IReadOnlyList<string>> NotifyRunCompletedAsync()
    {
        Func<string, Task<string?>>[] handlers;
        lock (_completionHandlers)
        {
            handlers = [.. _completionHandlers];
            _completionHandlers.Clear();
        }

        var failures = new List<string>();
        foreach (var handler in handlers)
        {
            if (await handler(ReportsFolder) is { } failure)
            {
                failures.Add(failure);
            }
        }

        return failures;
    }
}
