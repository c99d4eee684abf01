using System.Text;
using Microsoft.AspNetCore.Http;

namespace Klaviyo.OAuth.Conformance.EndToEndTests;

/// <summary>
/// Targets built to hurt the suite: one answers every request with a 200 MB body, one echoes every
/// request back in every form it can. Memory stays bounded, the run ends in its usual time and
/// writes its reports, and no secret or anything derived from one reaches any output.
/// </summary>
[TestFixture]
public sealed class HostileTargets
{
    /// <summary>As in <see cref="TargetWithoutAControlApi"/>: no scenario waits a minute for the refresh budget.</summary>
    private const string AllButTheTenthRefresh = "Category!=rfc6749.json-errors&Category!=rfc6749.no-store";

    private const long HugeBody = 200L * 1024 * 1024;

    private static readonly byte[] Filler = Encoding.ASCII.GetBytes(new string('A', 64 * 1024));

    [Test]
    public async Task Against_200_MB_answers_the_run_stays_under_500_MB_ends_in_its_usual_time_and_writes_its_reports()
    {
        await using var huge = await LoopbackHttpServer.StartAsync(AnswerHugeAsync);
        var marker = Guid.NewGuid().ToString("N");
        SuiteRun run;
        double peakMiB;
        await using (var memory = PeakMemory.Watch("Conformance___RunMarker", marker))
        {
            run = await SuiteRun.ExecuteAsync(Configured(huge.Url, marker), AllButTheTenthRefresh, TimeSpan.FromMinutes(2));
            peakMiB = memory.PeakMiB;
        }

        TestContext.Progress.WriteLine($"Against 200 MB answers: {run.Elapsed.TotalSeconds:0.0} s, peak resident memory {peakMiB:0} MiB.");
        run.Results.Should().Contain(r => r.Failed && r.Message.Contains("answer larger than 1 MiB, cut", StringComparison.Ordinal), "{0}", run);
        run.Conformance.Behaviours.Should().Contain(b => b.Verdict == "not-satisfied");
        if (PeakMemory.Supported)
        {
            peakMiB.Should().BeGreaterThan(0, "the run's processes were found").And.BeLessThan(500);
        }

        foreach (var report in new[] { "conformance.json", "conformance.md", "conformance.html", "junit.xml", "living-doc.html", "cucumber.ndjson" })
        {
            File.Exists(Path.Combine(run.ReportsDirectory, report)).Should().BeTrue("{0} is written", report);
        }
    }

    [Test]
    public async Task Against_a_target_echoing_every_request_no_secret_or_derived_form_appears_in_any_output()
    {
        await using var echo = await LoopbackHttpServer.StartAsync(EchoTarget.AnswerAsync);
        var secrets = EchoTarget.Secrets;

        var run = await SuiteRun.ExecuteAsync(Configured(echo.Url, Guid.NewGuid().ToString("N")), AllButTheTenthRefresh, TimeSpan.FromMinutes(2));

        run.Results.Should().Contain(r => r.Failed, "an echo is no conforming answer; {0}", run);
        var names = run.OutputFiles.Select(Path.GetFileName).ToList();
        names.Should().Contain(["console.txt", "suite.trx", "living-doc.html", "cucumber.ndjson", "conformance.json", "conformance.md", "conformance.html", "junit.xml"]);
        File.ReadAllText(run.ReportFile("conformance.md")).Should().Contain("We received", "the echoes reached the evidence, so the search below means something");
        OutputSearch.Leaks(run.OutputFiles, secrets, fragmentLength: 12).Should().BeEmpty();
        OutputSearch.Base64Leaks(run.OutputFiles, secrets, fragmentLength: 12).Should().BeEmpty();
    }

    private static Dictionary<string, string> Configured(Uri target, string marker) => new()
    {
        ["Target"] = "remote",
        ["ApiBaseUrl"] = target.AbsoluteUri,
        ["WebBaseUrl"] = target.AbsoluteUri,
        ["ClientId"] = EchoTarget.ClientId,
        ["ClientSecret"] = EchoTarget.ClientSecret,
        ["RedirectUri"] = "http://127.0.0.1/callback",
        ["RefreshToken"] = EchoTarget.RefreshToken,
        ["AccessToken"] = EchoTarget.AccessToken,
        ["_RunMarker"] = marker,
    };

    // Streamed, never allocated: 64 KiB at a time until 200 MB are out or the suite hangs up.
    private static async Task AnswerHugeAsync(HttpContext context)
    {
        context.Response.StatusCode = 400;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = HugeBody;
        try
        {
            for (long sent = 0; sent < HugeBody; sent += Filler.Length)
            {
                await context.Response.Body.WriteAsync(Filler, context.RequestAborted);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or InvalidOperationException)
        {
            // The suite read its prefix and closed the connection, as it should.
        }
    }
}
