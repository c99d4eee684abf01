namespace Klaviyo.OAuth.Conformance.Targets;

public enum TargetKind
{
    /// <summary>The emulator, started in-process for the run.</summary>
    Embedded,

    /// <summary>Any endpoint reached over the network, with or without an emulator-compatible control API.</summary>
    Remote,
}
