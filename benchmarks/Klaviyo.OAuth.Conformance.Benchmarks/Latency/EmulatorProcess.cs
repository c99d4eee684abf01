using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;

namespace Klaviyo.OAuth.Conformance.Benchmarks.Latency;

/// <summary>The standalone emulator in its own process, on two free loopback ports, with its journal read over the control API.</summary>
internal sealed class EmulatorProcess : IDisposable
{
    private readonly Process _process;
    private readonly HttpClient _http = new();

    private EmulatorProcess(Process process, Uri apiUrl, Uri webUrl)
    {
        _process = process;
        ApiUrl = apiUrl;
        WebUrl = webUrl;
    }

    public Uri ApiUrl { get; }

    public Uri WebUrl { get; }

    /// <param name="client">A demo app the emulator registers at start, as ID:SECRET:REDIRECT_URI.</param>
    public static async Task<EmulatorProcess> StartAsync(string dll, string client)
    {
        var api = new Uri($"http://127.0.0.1:{FreePort()}/");
        var web = new Uri($"http://127.0.0.1:{FreePort()}/");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { dll, "--api-url", api.AbsoluteUri, "--web-url", web.AbsoluteUri, "--client", client })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var emulator = new EmulatorProcess(process, api, web);
        for (var attempt = 0; attempt < 300; attempt++)
        {
            try
            {
                using var health = await emulator._http.GetAsync(new Uri(api, "__health"));
                if (health.IsSuccessStatusCode)
                {
                    return emulator;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        emulator.Dispose();
        throw new InvalidOperationException("The emulator did not answer /__health within 30 s.");
    }

    /// <summary>Every request the emulator received since <paramref name="since"/> (the control API's own included).</summary>
    public async Task<IReadOnlyList<JournalLine>> JournalSinceAsync(DateTimeOffset since)
    {
        var url = new Uri(ApiUrl, $"__control/journal?control=true&limit=100000&since={Uri.EscapeDataString(since.ToString("O"))}");
        var answer = await _http.GetFromJsonAsync<JsonElement>(url);
        return [.. answer.GetProperty("entries").EnumerateArray()
            .Select(e => new JournalLine(e.GetProperty("clientId").GetString(), e.GetProperty("isControl").GetBoolean()))];
    }

    public void Dispose()
    {
        _http.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>One journal entry, as far as the benchmark counts it.</summary>
internal sealed record JournalLine(string? ClientId, bool IsControl);
