using Klaviyo.OAuth.Conformance.Http;
using Klaviyo.OAuth.Guide.Redaction;
using Klaviyo.OAuth.Conformance.Targets;

namespace Klaviyo.OAuth.Conformance.Suite.Support;

/// <summary>What every scenario of a run shares: the target, one HTTP client, and the redactor.</summary>
public sealed class ConformanceRun(IConformanceTarget target, TargetHttpClient http, SecretRedactor redactor) : IAsyncDisposable
{
    public IConformanceTarget Target { get; } = target;

    public TargetHttpClient Http { get; } = http;

    public SecretRedactor Redactor { get; } = redactor;

    /// <summary>Null when every host answered the preflight; otherwise which URL could not be reached and why.</summary>
    public string? Unreachable { get; init; }

    /// <summary>Conformance:AllowDestructive: scenarios may revoke or exhaust the configured tokens (and a sign-in's of the same account).</summary>
    public bool AllowDestructive { get; init; }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Target.DisposeAsync();
    }
}
