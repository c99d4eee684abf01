using NUnit.Framework;

namespace Klaviyo.OAuth.Conformance.Tests.Support;

/// <summary>The handmade Cucumber messages kept beside the tests, and what they hold.</summary>
internal static class TestData
{
    /// <summary>
    /// One scenario per verdict, a retried scenario, an undefined and a pending step, an unknown id,
    /// an untagged scenario, and three malformed lines. A failure message carries the secrets below.
    /// </summary>
    public static string MixedVerdicts => Path.Combine(TestContext.CurrentContext.TestDirectory, "TestData", "mixed-verdicts.ndjson");

    public const int MalformedLinesInMixedVerdicts = 3;

    public const int ScenariosInMixedVerdicts = 10;

    /// <summary>base64("sample-client:cs-SECRET-7f3a99"), sent as Basic credentials in the failure message.</summary>
    public const string BasicCredentials = "c2FtcGxlLWNsaWVudDpjcy1TRUNSRVQtN2YzYTk5";

    /// <summary>Every secret in the failure message of mixed-verdicts.ndjson.</summary>
    public static IReadOnlyList<string> Secrets { get; } =
        ["cs-SECRET-7f3a99", "rt-SECRET-5d1c8e2a", "at-SECRET-91b2c3d4", "sess-SECRET-0c4e", BasicCredentials];

    public const string SkipReason = "Not verified: the target lacks the 'clock' capability (set Conformance:ControlUrl to an emulator-compatible control API)";

    public static string TempDirectory()
    {
        var path = Path.Combine(Path.GetTempPath(), "conformance-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }
}
