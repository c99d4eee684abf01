namespace Klaviyo.OAuth.Guide;

/// <summary>
/// The exit codes of every command of the tool and of the standalone emulator: one table, so that a
/// script or CI job reads the same number the same way whichever command it ran.
/// </summary>
public static class ExitCodes
{
    /// <summary>What was verified was satisfied, and something was verified (or the emulator stopped cleanly).</summary>
    public const int Conforming = 0;

    /// <summary>The command's verdict failed: a required behaviour not satisfied (<c>run</c>), a rule broken (<c>grade</c>), a finding (<c>diagnose</c>).</summary>
    public const int FailsBuild = 1;

    /// <summary>Bad usage or input: one message says what to fix, never a stack trace.</summary>
    public const int BadUsage = 2;

    /// <summary>Nothing could be verified: the target unreachable, no behaviour verified, or no request from the app (<c>grade</c>).</summary>
    public const int Unverified = 3;

    /// <summary>The code of a verdict: nothing verified wins over a failure, which wins over a pass.</summary>
    public static int Of(bool nothingVerified, bool failsBuild) =>
        nothingVerified ? Unverified : failsBuild ? FailsBuild : Conforming;

    /// <summary>The table as people read it, for <c>--help</c> and the README.</summary>
    public static readonly IReadOnlyList<(int Code, string Meaning)> Table =
    [
        (Conforming, "what was verified was satisfied, and something was verified"),
        (FailsBuild, "the verdict failed: a required behaviour not satisfied (run), a rule broken (grade), a finding (diagnose)"),
        (BadUsage, "bad usage or input: the message names what to fix"),
        (Unverified, "nothing could be verified: target unreachable, no behaviour verified, or no request from the app (grade)"),
    ];
}
