using BenchmarkDotNet.Attributes;
using Klaviyo.OAuth.Emulator.Model;
using Klaviyo.OAuth.Emulator.Model.Api;

namespace Klaviyo.OAuth.Conformance.Benchmarks.Emulator;

/// <summary>
/// What today's token shape costs against the older one: minting a signed JWT and checking that a
/// Bearer value is a well-formed JWT (which parses its header and payload), beside the opaque
/// kla_ token's regex; and generating the API's Bogus data once per emulator.
/// </summary>
[MemoryDiagnoser]
public class AccessTokenBenchmarks
{
    private static readonly DateTimeOffset Now = new(2026, 5, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly AccessTokenClaims Claims = new("0123456789abcdef01234567", "acc_AbCdEfGhIjKl", "accounts:read", Now, Now.AddHours(1));

    private readonly JwtAccessTokenShape _jwt = new();
    private readonly OpaqueAccessTokenShape _opaque = new();
    private readonly int _dataSeed = 20260501;
    private string _jwtToken = null!;
    private string _opaqueToken = null!;

    [GlobalSetup]
    public void Mint()
    {
        _jwtToken = _jwt.Create(Claims);
        _opaqueToken = _opaque.Create(Claims);
    }

    [Benchmark(Description = "JWT: create (HS256)")]
    public string CreateJwt() => _jwt.Create(Claims);

    [Benchmark(Description = "JWT: IsWellFormed")]
    public bool CheckJwt() => _jwt.IsWellFormed(_jwtToken);

    [Benchmark(Description = "opaque: create")]
    public string CreateOpaque() => _opaque.Create(Claims);

    [Benchmark(Description = "opaque: IsWellFormed")]
    public bool CheckOpaque() => _opaque.IsWellFormed(_opaqueToken);

    [Benchmark(Description = "ApiDataSet: generate (Bogus, once per emulator)")]
    public int GenerateApiData() => new ApiDataSet(_dataSeed).Events.Count;
}
