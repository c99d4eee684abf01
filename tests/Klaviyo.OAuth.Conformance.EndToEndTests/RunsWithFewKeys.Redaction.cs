namespace Klaviyo.OAuth.Conformance.EndToEndTests;

/// <summary>
/// A remote run with only an app's id and secret (canaries: the emulator made them up, so they
/// appear nowhere else) sends the suite's own placeholders, which end like its tags. The canary, and
/// anything derived from it, appears in no output; the tags, such as @needs-refresh-token, appear whole.
/// </summary>
public sealed partial class RunsWithFewKeys
{
    [Test]
    public void No_canary_or_anything_derived_from_it_appears_and_the_tags_appear_whole()
    {
        var (clientId, clientSecret) = DemoClient(_emulator.Output);
        var canaries = new Dictionary<string, string>
        {
            ["client secret"] = clientSecret,
            ["Basic credentials"] = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{clientId}:{clientSecret}")),
        };
        var outputs = _idAndSecret.OutputFiles.ToList();

        OutputSearch.Leaks(outputs, canaries, fragmentLength: 12).Should().BeEmpty();
        OutputSearch.Leaks(outputs, OutputSearch.EscapedForms(canaries), fragmentLength: 12).Should().BeEmpty();
        OutputSearch.Base64Leaks(outputs, canaries, fragmentLength: 12).Should().BeEmpty();

        OutputSearch.WordsCutByAMask(outputs).Should().BeEmpty();
        foreach (var report in new[] { _idAndSecret.ConsoleFile, _idAndSecret.ReportFile("conformance.md"), _idAndSecret.ReportFile("junit.xml"), _idAndSecret.ReportFile("conformance.json") })
        {
            File.ReadAllText(report).Should().Contain("@needs-refresh-token", "{0} names what a skipped scenario needs", Path.GetFileName(report));
        }
    }
}
