namespace Klaviyo.OAuth.Conformance.Tool;

/// <summary>The tool's exit codes, the verdict rules of the suite.</summary>
internal static class ExitCodes
{
    /// <summary>Every documented and baseline behaviour is satisfied or not verified.</summary>
    public const int Conforming = 0;

    /// <summary>A documented or baseline behaviour is not satisfied (advisory ones too with --strict-advisory), or a scenario failed.</summary>
    public const int FailsBuild = 1;

    /// <summary>Bad usage or unusable input: the message says what to fix.</summary>
    public const int BadUsage = 2;
}
