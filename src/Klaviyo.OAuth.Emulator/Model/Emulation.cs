using Klaviyo.OAuth.Emulator.Model.Api;

namespace Klaviyo.OAuth.Emulator.Model;

/// <summary>The whole model behind both hosts: what the endpoints read and change.</summary>
internal sealed class Emulation
{
    public Emulation(EmulatorOptions options, TimeProvider timeProvider)
    {
        Options = options;
        Clock = new EmulatorClock(timeProvider);
        AccessTokenShape = AccessTokenShape.For(options.AccessTokenFormat);
        Tokens = new TokenRegistry(Clock, options, AccessTokenShape);
        ApiRateLimits = new ApiRateLimiter(Clock, options.ApiRateLimits);
        _apiData = new Lazy<ApiDataSet>(() => new ApiDataSet(options.DataSeed));
    }

    private readonly Lazy<ApiDataSet> _apiData;

    public EmulatorOptions Options { get; }

    /// <summary>What the API's read endpoints show, generated on first use from <see cref="EmulatorOptions.DataSeed"/>.</summary>
    public ApiDataSet ApiData => _apiData.Value;

    public EmulatorClock Clock { get; }

    /// <summary>The shape of this emulator's access tokens (a JWT's signing key is this instance's own).</summary>
    public AccessTokenShape AccessTokenShape { get; }

    public ClientRegistry Clients { get; } = new();

    public AccountDirectory Accounts { get; } = new();

    public TokenRegistry Tokens { get; }

    public Outages Outages { get; } = new();

    /// <summary>Behaviours to answer instead of the model on the next requests of their kind.</summary>
    public Injections Injections { get; } = new();

    /// <summary>Owners of tokens the model did not issue but saw issued (through the proxy).</summary>
    public TokenOwners SeenTokens { get; } = new();

    /// <summary>The app a token belongs to: issued by the model, or seen issued; null if neither.</summary>
    public string? OwnerOf(string token) => Tokens.OwnerOf(token) ?? SeenTokens.OwnerOf(token);

    /// <summary>The API's rate limits per installed app and tier (enforced only with <see cref="EmulatorOptions.ApiRateLimits"/>).</summary>
    public ApiRateLimiter ApiRateLimits { get; }
}
