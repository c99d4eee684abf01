using BenchmarkDotNet.Attributes;
using Klaviyo.OAuth.Guide.Redaction;

namespace Klaviyo.OAuth.Conformance.Benchmarks.Redaction;

/// <summary>
/// <see cref="SecretRedactor.Redact"/> on a ~2 KB failure message, as every failed step's evidence is
/// redacted, with as many registered secrets as a small, a typical and a very long run leave behind.
/// </summary>
[MemoryDiagnoser]
public class RedactionBenchmarks
{
    private SecretRedactor _redactor = null!;

    /// <summary>Secrets registered before measuring (each client registers its secret and Basic credentials).</summary>
    [Params(0, 10, 1000)]
    public int RegisteredSecrets { get; set; }

    [GlobalSetup]
    public void Register()
    {
        _redactor = new SecretRedactor();
        if (RegisteredSecrets > 0)
        {
            // The message's own client among them, so literal masking has something to find.
            _redactor.RegisterClientCredentials(FailureMessage.ClientId, FailureMessage.ClientSecret);
        }

        // RegisterClientCredentials counted as two: the secret and its Basic form.
        for (var i = 2; i < RegisteredSecrets; i++)
        {
            _redactor.Register($"registered-secret-{i:D4}-{Guid.NewGuid():N}");
        }

        // Measure the paths meant: the clean text comes back as it was, the message does not.
        if (!ReferenceEquals(_redactor.Redact(FailureMessage.Clean), FailureMessage.Clean)
            || _redactor.Redact(FailureMessage.WithSecrets).Contains(FailureMessage.RefreshToken, StringComparison.Ordinal))
        {
            throw new InvalidOperationException("The sample texts no longer exercise the clean and the masking paths.");
        }
    }

    [Benchmark(Baseline = true, Description = "Redact failure message with secrets (~2 KB)")]
    public string FailureWithSecrets() => _redactor.Redact(FailureMessage.WithSecrets);

    [Benchmark(Description = "Redact clean text (~2 KB)")]
    public string CleanText() => _redactor.Redact(FailureMessage.Clean);
}
