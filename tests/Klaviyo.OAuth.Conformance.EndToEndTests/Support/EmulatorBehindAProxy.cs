namespace Klaviyo.OAuth.Conformance.EndToEndTests.Support;

/// <summary>
/// The standalone emulator, its API host (and control API) also reachable through a
/// <see cref="RewritingProxy"/>, and a work folder for the tool's runs against either: disposing
/// stops both and removes the folder.
/// </summary>
public sealed class EmulatorBehindAProxy : IAsyncDisposable
{
    private EmulatorBehindAProxy(StandaloneEmulator emulator, RewritingProxy proxy, DirectoryInfo work)
    {
        Emulator = emulator;
        Proxy = proxy;
        Work = work;
    }

    public StandaloneEmulator Emulator { get; }

    public RewritingProxy Proxy { get; }

    public DirectoryInfo Work { get; }

    public static async Task<EmulatorBehindAProxy> StartAsync(IProxyRule rule)
    {
        var emulator = await StandaloneEmulator.StartAsync();
        return new EmulatorBehindAProxy(emulator, await RewritingProxy.StartAsync(emulator.ApiUrl, rule), Directory.CreateTempSubdirectory("emulator-behind-a-proxy-"));
    }

    /// <summary><c>run --filter …</c> against the emulator (through the proxy when <paramref name="throughTheProxy"/>), reports in <paramref name="reports"/> under the work folder.</summary>
    public Task<ToolRun> RunAsync(bool throughTheProxy, string filter, string reports, IReadOnlyList<string>? options = null, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var api = throughTheProxy ? Proxy.Url : Emulator.ApiUrl;
        return ToolRun.ExecuteAsync(Work.FullName,
        [
            "run", "--api-url", api.AbsoluteUri, "--control-url", api.AbsoluteUri, "--web-url", Emulator.WebUrl.AbsoluteUri,
            "--filter", filter, "--out", reports, .. options ?? [],
        ], environment);
    }

    public async ValueTask DisposeAsync()
    {
        await Proxy.DisposeAsync();
        Emulator.Dispose();
        Work.Delete(recursive: true);
    }
}
