using Klaviyo.OAuth.Conformance.Http;

namespace Klaviyo.OAuth.Emulator.Tests.Http;

/// <summary>
/// One emulator for every HTTP-level test, as parallel scenarios share one in the suite: each
/// test works with its own client, account and user, so tests cannot disturb each other.
/// </summary>
[SetUpFixture]
public sealed class SharedEmulator
{
    private static KlaviyoEmulator? _emulator;
    private static HttpClient? _http;
    private static TargetHttpClient? _target;

    public static KlaviyoEmulator Emulator => _emulator ?? throw new InvalidOperationException("The emulator has not started.");

    /// <summary>Sends exactly what a test says: no redirects followed, no cookies kept.</summary>
    public static HttpClient Http => _http ?? throw new InvalidOperationException("The emulator has not started.");

    /// <summary>What the reference client sends through.</summary>
    public static TargetHttpClient Target => _target ?? throw new InvalidOperationException("The emulator has not started.");

    [OneTimeSetUp]
    public void Start()
    {
        _emulator = KlaviyoEmulator.Start();
        _http = OwnEmulator.Client();
        _target = new TargetHttpClient(TimeSpan.FromSeconds(30));
    }

    [OneTimeTearDown]
    public void Stop()
    {
        _http?.Dispose();
        _target?.Dispose();
        _emulator?.Dispose();
    }
}
