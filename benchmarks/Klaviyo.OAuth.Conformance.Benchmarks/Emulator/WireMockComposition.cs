using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Klaviyo.OAuth.Conformance.Benchmarks.Latency;
using Klaviyo.OAuth.Emulator;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Klaviyo.OAuth.Conformance.Benchmarks.Emulator;

/// <summary>
/// What composing the emulator with WireMock costs, in one run (a script, not a BenchmarkDotNet
/// class: it compares servers side by side over loopback HTTP, interleaved so that a busy moment
/// of the machine falls on both):
/// (a) refreshes and /api/ calls against an emulator without user mappings (the model alone,
/// which never enters WireMock) and one with mappings loaded (every /api/ call then passes the
/// OAuth checks and WireMock's matching before the model answers), and a stubbed path;
/// (b) the same requests to an upstream emulator 20 ms away (<see cref="DelayProxy"/>, 10 ms each way)
/// sent directly and through an emulator in proxy mode: p50 of each and their ratio;
/// (c) the proxy with user stubs loaded: what checking a request against the tokens seen issued
/// costs on the way to the upstream, and a stub answering in the upstream's place.
/// </summary>
internal static class WireMockComposition
{
    private const int Mappings = 25;

    // dotnet run -c Release --project benchmarks/Klaviyo.OAuth.Conformance.Benchmarks -- wiremock [rounds]
    public static int Run(int rounds)
    {
        Composition(rounds).GetAwaiter().GetResult();
        Proxy(rounds).GetAwaiter().GetResult();
        ProxyWithStubs(rounds).GetAwaiter().GetResult();
        return 0;
    }

    private static async Task Composition(int rounds)
    {
        using var bare = KlaviyoEmulator.Start();
        using var stubbed = KlaviyoEmulator.Start();
        AddMappings(stubbed);
        using var http = LoopbackApp.CreateHttpClient();
        var series = new List<Series>();
        foreach (var (name, emulator) in new[] { ("no mappings (model only)", bare), ($"{Mappings + 1} mappings loaded", stubbed) })
        {
            // One app refreshes (its clock moves on), another calls the API with a token that stays valid.
            var app = new LoopbackApp(emulator, http);
            var refreshBody = LoopbackApp.RefreshBody((await app.ObtainTokensAsync()).RefreshToken);
            var (access, _) = await new LoopbackApp(emulator, http).ObtainTokensAsync();
            series.Add(new Series($"refresh, {name}", async () =>
            {
                emulator.AdvanceClock(LoopbackApp.RefreshSpacing, app.Client.ClientId);
                using var response = await app.TokenAsync(refreshBody);
                await LoopbackApp.ExpectAsync(response, HttpStatusCode.OK);
            }));
            series.Add(new Series($"GET /api/accounts/ (model answers), {name}", () => Call(http, emulator.ApiBaseUrl, "api/accounts/", access)));
            if (emulator == stubbed)
            {
                series.Add(new Series($"GET /api/campaigns/ (a mapping answers), {name}", () => Call(http, emulator.ApiBaseUrl, "api/campaigns/", access)));
            }
        }

        Console.WriteLine($"(a) One client, requests one after another, {rounds} interleaved rounds of 1 s per series; medians over rounds.");
        await Measure(series, rounds, TimeSpan.FromSeconds(1));
        Print(series, baselineOf: s => s.Name.StartsWith("refresh", StringComparison.Ordinal) ? series[0] : series[1]);
    }

    private static async Task Proxy(int rounds)
    {
        using var upstream = KlaviyoEmulator.Start();
        var roundTrip = TimeSpan.FromMilliseconds(20);
        await using var distant = DelayProxy.Start(upstream.ApiBaseUrl, roundTrip);
        using var proxy = KlaviyoEmulator.Start(new EmulatorOptions { UpstreamApiUrl = distant.Url.AbsoluteUri });
        using var http = LoopbackApp.CreateHttpClient();
        var app = new LoopbackApp(upstream, http);
        var refreshBody = LoopbackApp.RefreshBody((await app.ObtainTokensAsync()).RefreshToken);
        var (access, _) = await new LoopbackApp(upstream, http).ObtainTokensAsync();
        var series = new List<Series>();
        foreach (var (name, host) in new[] { ("direct", distant.Url), ("through the proxy", proxy.ApiBaseUrl) })
        {
            series.Add(new Series($"refresh, {name}", async () =>
            {
                upstream.AdvanceClock(LoopbackApp.RefreshSpacing, app.Client.ClientId);
                using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(host, "oauth/token"))
                {
                    Content = new StringContent(refreshBody, Encoding.UTF8, "application/x-www-form-urlencoded"),
                };
                request.Headers.TryAddWithoutValidation("Authorization", app.Basic);
                using var response = await http.SendAsync(request);
                await LoopbackApp.ExpectAsync(response, HttpStatusCode.OK);
            }));
            series.Add(new Series($"GET /api/accounts/, {name}", () => Call(http, host, "api/accounts/", access)));
        }

        Console.WriteLine();
        Console.WriteLine($"(b) An upstream emulator {roundTrip.TotalMilliseconds:0} ms away (a delay proxy, {roundTrip.TotalMilliseconds / 2:0} ms each way), one client, {rounds} interleaved rounds of 1 s per series.");
        await Measure(series, rounds, TimeSpan.FromSeconds(1));
        Print(series, baselineOf: s => s.Name.StartsWith("refresh", StringComparison.Ordinal) ? series[0] : series[1]);
        Console.WriteLine($"TCP connections opened to the delay proxy (the client's and the proxy's, each costing a round trip): {distant.Connections}");
    }

    private static async Task ProxyWithStubs(int rounds)
    {
        using var upstream = KlaviyoEmulator.Start();
        var roundTrip = TimeSpan.FromMilliseconds(20);
        await using var distant = DelayProxy.Start(upstream.ApiBaseUrl, roundTrip);
        using var bare = KlaviyoEmulator.Start(new EmulatorOptions { UpstreamApiUrl = distant.Url.AbsoluteUri });
        using var stubbed = KlaviyoEmulator.Start(new EmulatorOptions { UpstreamApiUrl = distant.Url.AbsoluteUri });
        AddMappings(stubbed);
        using var http = LoopbackApp.CreateHttpClient();

        // Approved at the upstream, exchanged through each proxy, so that each saw its token issued.
        var app = new LoopbackApp(upstream, http);
        var (unseen, _) = await app.ObtainTokensAsync();
        var seenByBare = await ExchangeThrough(http, bare, app);
        var seenByStubbed = await ExchangeThrough(http, stubbed, app);
        var series = new List<Series>
        {
            new("GET /api/accounts/, proxy without stubs", () => Call(http, bare.ApiBaseUrl, "api/accounts/", seenByBare)),
            new($"GET /api/accounts/, {Mappings + 1} stubs, token seen (no stub: upstream)", () => Call(http, stubbed.ApiBaseUrl, "api/accounts/", seenByStubbed)),
            new($"GET /api/accounts/, {Mappings + 1} stubs, token unseen (past the stubs)", () => Call(http, stubbed.ApiBaseUrl, "api/accounts/", unseen)),
            new($"GET /api/campaigns/, {Mappings + 1} stubs, token seen (a stub answers)", () => Call(http, stubbed.ApiBaseUrl, "api/campaigns/", seenByStubbed)),
        };

        Console.WriteLine();
        Console.WriteLine($"(c) Proxy mode with user stubs, the same upstream {roundTrip.TotalMilliseconds:0} ms away, {rounds} interleaved rounds of 1 s per series.");
        await Measure(series, rounds, TimeSpan.FromSeconds(1));
        Print(series, baselineOf: _ => series[0]);
    }

    private static void AddMappings(KlaviyoEmulator emulator)
    {
        for (var i = 0; i < Mappings; i++)
        {
            emulator.Given(Request.Create().WithPath($"/api/stub-{i}/").UsingGet()).RespondWith(Response.Create().WithBody($"{{\"data\":[{i}]}}"));
        }

        emulator.Given(Request.Create().WithPath("/api/campaigns/").UsingGet())
            .WithData(new { klaviyo = new { scope = "accounts:read" } })
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/vnd.api+json").WithBody("""{"data":[{"type":"campaign","id":"c-1"}]}"""));
    }

    private static async Task<string> ExchangeThrough(HttpClient http, KlaviyoEmulator proxy, LoopbackApp app)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(proxy.ApiBaseUrl, "oauth/token"))
        {
            Content = new StringContent(LoopbackApp.CodeExchangeBody(await app.ApproveAsync()), Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        request.Headers.TryAddWithoutValidation("Authorization", app.Basic);
        using var response = await http.SendAsync(request);
        using var json = System.Text.Json.JsonDocument.Parse(await LoopbackApp.ExpectAsync(response, HttpStatusCode.OK));
        return json.RootElement.GetProperty("access_token").GetString()!;
    }

    private static async Task Call(HttpClient http, Uri host, string path, string accessToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(host, path));
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + accessToken);
        request.Headers.TryAddWithoutValidation("revision", "2024-10-15");
        using var response = await http.SendAsync(request);
        await LoopbackApp.ExpectAsync(response, HttpStatusCode.OK);
    }

    // Warm-up first (JIT, connections, the API's generated data), then the series in turn, round after round.
    private static async Task Measure(List<Series> series, int rounds, TimeSpan each)
    {
        foreach (var s in series)
        {
            for (var i = 0; i < 20; i++)
            {
                await s.Send();
            }
        }

        for (var round = 0; round < rounds; round++)
        {
            foreach (var s in series)
            {
                var watch = Stopwatch.StartNew();
                var count = 0;
                while (watch.Elapsed < each)
                {
                    var start = Stopwatch.GetTimestamp();
                    await s.Send();
                    s.Latencies.Add(Stopwatch.GetElapsedTime(start).TotalMicroseconds);
                    count++;
                }

                s.PerSecond.Add(count / watch.Elapsed.TotalSeconds);
            }
        }
    }

    private static void Print(List<Series> series, Func<Series, Series> baselineOf)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {"series",-62} | {"requests/s",10} | {"p50 (µs)",9} | {"p90 (µs)",9} | {"p50 vs first",12} |"));
        Console.WriteLine($"|{new string('-', 64)}|{new string('-', 12)}|{new string('-', 11)}|{new string('-', 11)}|{new string('-', 14)}|");
        foreach (var s in series)
        {
            var ratio = s.P(0.5) / baselineOf(s).P(0.5);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {s.Name,-62} | {Median(s.PerSecond),10:N0} | {s.P(0.5),9:N0} | {s.P(0.9),9:N0} | {ratio,11:0.00}× |"));
        }
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private sealed class Series(string name, Func<Task> send)
    {
        public string Name { get; } = name;

        public Func<Task> Send { get; } = send;

        public List<double> Latencies { get; } = [];

        public List<double> PerSecond { get; } = [];

        public double P(double quantile)
        {
            var sorted = Latencies.Order().ToArray();
            return sorted[(int)Math.Min(sorted.Length - 1, quantile * sorted.Length)];
        }
    }
}
