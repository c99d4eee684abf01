using Klaviyo.OAuth.Conformance.Runner;
using Klaviyo.OAuth.Conformance.Specs.Runner.Samples.Steps;

[assembly: RunPrecondition(typeof(SamplePrecondition))]

namespace Klaviyo.OAuth.Conformance.Specs.Runner.Samples.Steps;

/// <summary>Fails when the runner's tests ask it to, through an environment variable.</summary>
public sealed class SamplePrecondition : IRunPrecondition
{
    public string? Problem() => Environment.GetEnvironmentVariable("SAMPLES_PRECONDITION_PROBLEM") is { Length: > 0 } problem ? problem : null;
}
