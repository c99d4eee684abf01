using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Klaviyo.OAuth.Conformance.Benchmarks.Latency;

/// <summary>
/// The tool's <c>run</c> against the standalone emulator at internet distance: both hosts behind a
/// <see cref="DelayProxy"/> at each round-trip time, with the control API (the suite provisions its
/// own apps) and without one (the emulator's demo app configured, no tokens), for each build given
/// (the current one and, side by side, an older one). Per run it records the wall time, the requests
/// the emulator received and the longest chain of requests of one scenario (the most requests one
/// provisioned app made; with a control API only, where each scenario has an app of its own), and
/// the connections the proxies accepted. Prints a Markdown table.
/// </summary>
internal static class LatencyBenchmark
{
    private const string DemoClient = "bench-latency-client";
    private const string DemoSecret = "bench-latency-secret-0123456789";
    private const string DemoRedirect = "http://127.0.0.1/callback";

    /// <param name="args">--emulator DLL --tool NAME=DLL[:ARGS] (repeatable) [--rtt 0,20,50,100] [--runs 3]</param>
    public static async Task<int> RunAsync(string[] args)
    {
        var options = Options.Parse(args);
        using var emulator = await EmulatorProcess.StartAsync(options.Emulator, $"{DemoClient}:{DemoSecret}:{DemoRedirect}");
        var table = new StringBuilder();
        table.AppendLine("| round-trip time | control API | build | wall time (median) | × its 0 ms | requests | of them control | longest chain | connections |");
        table.AppendLine("|---|---|---|---|---|---|---|---|---|");
        var atZero = new Dictionary<(bool, string), double>();
        foreach (var rtt in options.RoundTrips)
        {
            foreach (var control in new[] { true, false })
            {
                foreach (var tool in options.Tools)
                {
                    var samples = new List<Sample>();
                    for (var i = 0; i < options.Runs; i++)
                    {
                        samples.Add(await MeasureAsync(emulator, tool, TimeSpan.FromMilliseconds(rtt), control));
                    }

                    var wall = samples.Select(s => s.Wall.TotalSeconds).Order().ElementAt(samples.Count / 2);
                    if (rtt == 0)
                    {
                        atZero[(control, tool.Name)] = wall;
                    }

                    var ratio = atZero.TryGetValue((control, tool.Name), out var zero) ? $"{wall / zero:0.0}×" : "—";
                    var last = samples[^1];
                    var line = string.Create(CultureInfo.InvariantCulture,
                        $"| {rtt} ms | {(control ? "yes" : "no")} | {tool.Name} | {wall:0.00} s | {ratio} | {last.Requests} | {last.ControlRequests} | {(control ? last.LongestChain.ToString(CultureInfo.InvariantCulture) : "—")} | {last.Connections} |");
                    table.AppendLine(line);
                    Console.Error.WriteLine(line + "   walls: " + string.Join(", ", samples.Select(s => s.Wall.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture))));
                }
            }
        }

        Console.WriteLine(table);
        return 0;
    }

    private static async Task<Sample> MeasureAsync(EmulatorProcess emulator, ToolBuild tool, TimeSpan roundTrip, bool control)
    {
        await using var api = DelayProxy.Start(emulator.ApiUrl, roundTrip);
        await using var web = DelayProxy.Start(emulator.WebUrl, roundTrip);
        var reports = Directory.CreateTempSubdirectory("latency-");
        List<string> arguments = [tool.Dll, "run", "--out", reports.FullName, "--api-url", api.Url.AbsoluteUri, "--web-url", web.Url.AbsoluteUri, .. tool.Arguments];
        arguments.AddRange(control
            ? ["--control-url", api.Url.AbsoluteUri]
            : ["--client-id", DemoClient, "--client-secret", DemoSecret, "--redirect-uri", DemoRedirect]);
        var since = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var (exit, output) = await RunAsync("dotnet", arguments);
        var wall = clock.Elapsed;
        if (exit is not 0)
        {
            throw new InvalidOperationException($"{tool.Name} at {roundTrip.TotalMilliseconds} ms exited {exit}:{Environment.NewLine}{output}");
        }

        var journal = await emulator.JournalSinceAsync(since);
        var chain = journal.Where(e => e.ClientId is not null && !e.IsControl && e.ClientId != DemoClient)
            .GroupBy(e => e.ClientId).Select(g => g.Count()).DefaultIfEmpty(0).Max();
        reports.Delete(recursive: true);
        return new Sample(wall, journal.Count, journal.Count(e => e.IsControl), chain, api.Connections + web.Connections);
    }

    private static async Task<(int Exit, string Output)> RunAsync(string file, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in Environment.GetEnvironmentVariables().Keys.OfType<string>().Where(n => n.StartsWith("Conformance__", StringComparison.Ordinal)))
        {
            start.Environment.Remove(name);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await errors);
    }

    private sealed record Sample(TimeSpan Wall, int Requests, int ControlRequests, int LongestChain, int Connections);

    private sealed record ToolBuild(string Name, string Dll, string[] Arguments);

    private sealed record Options(string Emulator, IReadOnlyList<ToolBuild> Tools, IReadOnlyList<int> RoundTrips, int Runs)
    {
        public static Options Parse(string[] args)
        {
            string? emulator = null;
            var tools = new List<ToolBuild>();
            int[] rtts = [0, 20, 50, 100];
            var runs = 3;
            for (var i = 0; i + 1 < args.Length; i += 2)
            {
                switch (args[i])
                {
                    case "--emulator":
                        emulator = args[i + 1];
                        break;
                    case "--tool":
                        // NAME=DLL, or NAME=DLL:--parallel 1 (the run's extra options after a colon)
                        var (name, rest) = (args[i + 1].Split('=', 2)[0], args[i + 1].Split('=', 2)[1]);
                        var parts = rest.Split(':', 2);
                        tools.Add(new ToolBuild(name, parts[0], parts.Length > 1 ? parts[1].Split(' ', StringSplitOptions.RemoveEmptyEntries) : []));
                        break;
                    case "--rtt":
                        rtts = [.. args[i + 1].Split(',').Select(v => int.Parse(v, CultureInfo.InvariantCulture))];
                        break;
                    case "--runs":
                        runs = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
                        break;
                    default:
                        throw new ArgumentException($"Unknown option {args[i]}.");
                }
            }

            return new Options(emulator ?? throw new ArgumentException("--emulator DLL is required."), tools.Count > 0 ? tools : throw new ArgumentException("--tool NAME=DLL is required."), rtts, runs);
        }
    }
}
