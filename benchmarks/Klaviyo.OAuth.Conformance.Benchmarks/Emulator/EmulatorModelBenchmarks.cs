using System.Text;
using BenchmarkDotNet.Attributes;
using Klaviyo.OAuth.Emulator;
using Klaviyo.OAuth.Emulator.Http;
using Klaviyo.OAuth.Emulator.Model;

namespace Klaviyo.OAuth.Conformance.Benchmarks.Emulator;

/// <summary>
/// The same refresh as <see cref="EmulatorBenchmarks.RefreshGrant"/> without sockets or WireMock:
/// once through the model alone, once through the token endpoint's checks (form, Basic, JSON answer).
/// Their difference from the HTTP benchmark is what loopback HTTP and WireMock cost per request.
/// </summary>
[MemoryDiagnoser]
[InvocationCount(InvocationsPerIteration)]
public class EmulatorModelBenchmarks
{
    // Every granted refresh keeps its access token for the model's lifetime; a fresh model per
    // iteration keeps that growth (and the GC work it causes) to what one iteration adds.
    private const int InvocationsPerIteration = 32_768;

    private Emulation _emulation = null!;
    private TokenEndpoint _tokenEndpoint = null!;
    private Client _client = null!;
    private string _refreshToken = null!;
    private byte[] _refreshBody = null!;
    private Dictionary<string, IReadOnlyList<string>> _headers = null!;

    [IterationSetup]
    public void FreshModel()
    {
        _emulation = new Emulation(new EmulatorOptions(), TimeProvider.System);
        _tokenEndpoint = new TokenEndpoint(_emulation);
        _client = _emulation.Clients.Register();
        var account = _emulation.Accounts.CreateAccount(allowlisted: true);
        var code = _emulation.Tokens.IssueCode(_client.Id, ClientRegistry.DefaultRedirectUri, "accounts:read", LoopbackApp.Challenge, account.Id);
        _refreshToken = _emulation.Tokens.ExchangeCode(_client.Id, code.Value, ClientRegistry.DefaultRedirectUri, LoopbackApp.Verifier).RefreshToken!.Value;
        _refreshBody = Encoding.UTF8.GetBytes(LoopbackApp.RefreshBody(_refreshToken));
        _headers = new(StringComparer.OrdinalIgnoreCase)
        {
            ["Authorization"] = [LoopbackApp.BasicOf(_client.Id, _client.Secret)],
            ["Content-Type"] = ["application/x-www-form-urlencoded"],
        };
    }

    [Benchmark(Description = "TokenRegistry.Refresh (model only)")]
    public string RefreshInModel()
    {
        _emulation.Clock.Advance(LoopbackApp.RefreshSpacing, _client.Id);
        var outcome = _emulation.Tokens.Refresh(_client.Id, _refreshToken);
        return outcome.AccessToken?.Value ?? throw new InvalidOperationException($"Refresh refused: {outcome.Refusal}");
    }

    [Benchmark(Description = "TokenEndpoint.Handle refresh_token (no HTTP)")]
    public string RefreshThroughTokenEndpoint()
    {
        _emulation.Clock.Advance(LoopbackApp.RefreshSpacing, _client.Id);
        // The request as EmulatorHost builds it from WireMock's message, per request.
        var response = _tokenEndpoint.Handle(new EmulatorRequest("POST", "/oauth/token", string.Empty, _headers, _refreshBody));
        return response.Status == 200 ? response.Body : throw new InvalidOperationException($"Refresh refused: {response.Status} {response.Body}");
    }
}
