using Klaviyo.OAuth.Conformance.Testing;

namespace Klaviyo.OAuth.Conformance.EndToEndTests.Support;

/// <summary>
/// The emulator as users start it: <c>dotnet Klaviyo.OAuth.Emulator.dll --api-url … --web-url …</c>
/// in its own process on two free loopback ports, ready once it prints "Emulator ready".
/// Disposing ends it and anything it started.
/// </summary>
public sealed class StandaloneEmulator : IDisposable
{
    public const string ReadyLine = "Emulator ready";

    private readonly ChildProcess _process;
    private readonly DirectoryInfo _work;

    private StandaloneEmulator(ChildProcess process, DirectoryInfo work, Uri apiUrl, Uri webUrl)
    {
        _process = process;
        _work = work;
        ApiUrl = apiUrl;
        WebUrl = webUrl;
    }

    /// <summary>The API host (token, revoke, API and, unless turned off, the control API).</summary>
    public Uri ApiUrl { get; }

    /// <summary>The web host (authorize, client page).</summary>
    public Uri WebUrl { get; }

    /// <summary>What it printed so far: its startup banner and one line per request.</summary>
    public string Output => _process.Output;

    public static Task<StandaloneEmulator> StartAsync(bool controlApi = true, TimeSpan? readyWithin = null) =>
        StartAsync(DotnetHost.Path, [BuiltArtifacts.EmulatorAssembly], controlApi, readyWithin);

    /// <summary>The emulator as the installed tool starts it: <c>klaviyo-oauth-conformance emulate …</c>.</summary>
    public static Task<StandaloneEmulator> StartFromToolAsync(string toolExecutable) =>
        StartAsync(toolExecutable, ["emulate"], controlApi: true, readyWithin: TimeSpan.FromSeconds(60));

    private static async Task<StandaloneEmulator> StartAsync(string executable, IReadOnlyList<string> command, bool controlApi, TimeSpan? readyWithin)
    {
        var apiUrl = Loopback.Url(Loopback.FreePort());
        var webUrl = Loopback.Url(Loopback.FreePort());
        var arguments = new List<string>(command) { "--api-url", apiUrl.AbsoluteUri.TrimEnd('/'), "--web-url", webUrl.AbsoluteUri.TrimEnd('/') };
        if (!controlApi)
        {
            arguments.Add("--no-control-api");
        }

        var work = Directory.CreateTempSubdirectory("standalone-emulator-");
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = ChildProcess.Start(executable, arguments, work.FullName, new Dictionary<string, string?>());
        process.LineReceived += line =>
        {
            if (line.Trim() == ReadyLine)
            {
                ready.TrySetResult();
            }
        };
        var emulator = new StandaloneEmulator(process, work, apiUrl, webUrl);

        // The ready line may have come before the handler was attached.
        if (process.Output.Contains(ReadyLine, StringComparison.Ordinal))
        {
            ready.TrySetResult();
        }

        var limit = readyWithin ?? TimeSpan.FromSeconds(30);
        var exited = process.WaitForExitAsync(limit);
        var first = await Task.WhenAny(ready.Task, exited, Task.Delay(limit, CancellationToken.None));
        if (first != ready.Task)
        {
            var state = process.HasExited ? "exited" : "was still starting";
            var output = process.Output;
            emulator.Dispose();
            throw new InvalidOperationException(
                $"The standalone emulator was not ready within {limit.TotalSeconds:0} s (it {state}). Its output:{Environment.NewLine}{output}");
        }

        return emulator;
    }

    public void Dispose()
    {
        _process.Dispose();
        try
        {
            _work.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}
