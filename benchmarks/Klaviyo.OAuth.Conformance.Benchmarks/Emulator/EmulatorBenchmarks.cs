using System.Net;
using BenchmarkDotNet.Attributes;
using Klaviyo.OAuth.Emulator;

namespace Klaviyo.OAuth.Conformance.Benchmarks.Emulator;

/// <summary>
/// The embedded emulator over loopback HTTP, as a scenario sees it: each benchmark is one request of
/// the catalogue's scenarios, client and WireMock host included. Each benchmark has its own app, so
/// one benchmark's clock or tokens never affect another's.
/// </summary>
[MemoryDiagnoser]
[InvocationCount(InvocationsPerIteration)]
public class EmulatorBenchmarks
{
    // Fixed, so the code-exchange pool filled before each iteration always suffices.
    private const int InvocationsPerIteration = 512;

    private readonly Queue<string> _codes = new();
    private KlaviyoEmulator _emulator = null!;
    private HttpClient _http = null!;
    private LoopbackApp _refreshing = null!;
    private LoopbackApp _exchanging = null!;
    private LoopbackApp _calling = null!;
    private string _refreshBody = null!;
    private string _accessToken = null!;
    private string _wrongSecret = null!;
    private BareTokenEndpoint _bare = null!;

    [GlobalSetup]
    public void Start()
    {
        _emulator = KlaviyoEmulator.Start();
        _http = LoopbackApp.CreateHttpClient();
        _refreshing = new LoopbackApp(_emulator, _http);
        _exchanging = new LoopbackApp(_emulator, _http);
        _calling = new LoopbackApp(_emulator, _http);
        _refreshBody = LoopbackApp.RefreshBody(_refreshing.ObtainTokensAsync().GetAwaiter().GetResult().RefreshToken);
        _accessToken = _calling.ObtainTokensAsync().GetAwaiter().GetResult().AccessToken;
        _wrongSecret = LoopbackApp.BasicOf(_refreshing.Client.ClientId, "not-the-secret-" + _refreshing.Client.ClientSecret);
        // The floor answers what the emulator answers to the same request, byte for byte in length.
        _emulator.AdvanceClock(LoopbackApp.RefreshSpacing, _refreshing.Client.ClientId);
        using var sample = _refreshing.TokenAsync(_refreshBody).GetAwaiter().GetResult();
        _bare = BareTokenEndpoint.StartAsync(LoopbackApp.ExpectAsync(sample, HttpStatusCode.OK).GetAwaiter().GetResult()).GetAwaiter().GetResult();
    }

    /// <summary>Approvals are not what CodeExchange measures: one code per invocation is ready before the iteration starts.</summary>
    [IterationSetup(Target = nameof(CodeExchange))]
    public void ApproveCodes()
    {
        while (_codes.Count < InvocationsPerIteration)
        {
            _codes.Enqueue(_exchanging.ApproveAsync().GetAwaiter().GetResult());
        }
    }

    [GlobalCleanup]
    public void Stop()
    {
        _bare.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _http.Dispose();
        _emulator.Dispose();
    }

    [Benchmark(Description = "POST /oauth/token refresh_token → 200")]
    public async Task<string> RefreshGrant()
    {
        _emulator.AdvanceClock(LoopbackApp.RefreshSpacing, _refreshing.Client.ClientId);
        using var response = await _refreshing.TokenAsync(_refreshBody);
        return await LoopbackApp.ExpectAsync(response, HttpStatusCode.OK);
    }

    [Benchmark(Description = "POST /oauth/token authorization_code → 200")]
    public async Task<string> CodeExchange()
    {
        // Only a job that runs more invocations than the pool holds (not short, dry or default) approves inline.
        var code = _codes.TryDequeue(out var ready) ? ready : await _exchanging.ApproveAsync();
        using var response = await _exchanging.TokenAsync(LoopbackApp.CodeExchangeBody(code));
        return await LoopbackApp.ExpectAsync(response, HttpStatusCode.OK);
    }

    [Benchmark(Description = "GET /api/accounts/ Bearer → 200")]
    public async Task<string> ApiCall()
    {
        using var response = await _calling.CallApiAsync(_accessToken);
        return await LoopbackApp.ExpectAsync(response, HttpStatusCode.OK);
    }

    [Benchmark(Description = "POST /oauth/token wrong secret → 401 invalid_client")]
    public async Task<string> InvalidClient()
    {
        using var response = await _refreshing.TokenAsync(_refreshBody, _wrongSecret);
        return await LoopbackApp.ExpectAsync(response, HttpStatusCode.Unauthorized);
    }

    /// <summary>The same refresh request to bare Kestrel answering the same JSON: the floor the emulator's throughput is compared with.</summary>
    [Benchmark(Description = "POST /oauth/token on bare Kestrel, same JSON → 200")]
    public async Task<string> BareKestrelToken()
    {
        using var response = await _bare.TokenAsync(_http, _refreshing.Basic, _refreshBody);
        return await LoopbackApp.ExpectAsync(response, HttpStatusCode.OK);
    }
}
