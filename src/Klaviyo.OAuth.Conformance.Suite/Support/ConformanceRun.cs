using Klaviyo.OAuth.Conformance.Http;
using Klaviyo.OAuth.Conformance.SignIn;
using Klaviyo.OAuth.Guide.Redaction;
using Klaviyo.OAuth.Conformance.Targets;

namespace Klaviyo.OAuth.Conformance.Suite.Support;

/// <summary>What every scenario of a run shares: the target, one HTTP client, the redactor, and the assisted sign-in when there is one.</summary>
public sealed class ConformanceRun(IConformanceTarget target, TargetHttpClient http, SecretRedactor redactor) : IAsyncDisposable
{
    public IConformanceTarget Target { get; } = target;

    public TargetHttpClient Http { get; } = http;

    public SecretRedactor Redactor { get; } = redactor;

    /// <summary>Null when every host answered the preflight; otherwise which URL could not be reached and why.</summary>
    public string? Unreachable { get; init; }

    /// <summary>Conformance:AllowDestructive: scenarios may revoke or exhaust the configured tokens (and a sign-in's of the same account).</summary>
    public bool AllowDestructive { get; init; }

    /// <summary>The assisted sign-in of a <c>run --sign-in</c>, or null; disposed with the run.</summary>
    public AssistedSignIn? SignIn { get; init; }

    /// <summary>What the assisted sign-in did (approvals, throwaway token sets revoked), once the run has ended; null otherwise.</summary>
    public string? SignInOutcome { get; set; }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Target.DisposeAsync();
        SignIn?.Dispose();
    }
}
