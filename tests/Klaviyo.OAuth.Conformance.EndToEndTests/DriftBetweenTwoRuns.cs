using System.Text.Json.Nodes;

namespace Klaviyo.OAuth.Conformance.EndToEndTests;

/// <summary>
/// Two runs of the tool against the standalone emulator, the second through a proxy that breaks one
/// behaviour and adds a field to every token answer: <c>compare</c> finds the regressed behaviour and
/// the body that gained a field, and exits 1.
/// </summary>
[TestFixture]
public sealed class DriftBetweenTwoRuns
{
    private const string Broken = "token.refresh.not-found";
    private const string Refresh = "token.refresh.succeeds";
    private const string AddedField = "issued_token_type";
    private const string Filter = $"Category={Broken}|Category={Refresh}";

    private EmulatorBehindAProxy _target = null!;
    private ToolRun _before = null!;
    private ToolRun _after = null!;
    private ToolRun _compare = null!;

    [OneTimeSetUp]
    public async Task RunTwiceAndCompareAsync()
    {
        _target = await EmulatorBehindAProxy.StartAsync(new ChangedAnswers(new TextReplacement("Refresh token does not exist", "Unknown refresh token")));
        _before = await _target.RunAsync(throughTheProxy: false, Filter, "before");
        _after = await _target.RunAsync(throughTheProxy: true, Filter, "after");
        _compare = await ToolRun.ExecuteAsync(_target.Work.FullName,
            ["compare", "before/conformance.json", "after/conformance.json", "--out", "compared"]);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_target is not null)
        {
            await _target.DisposeAsync();
        }
    }

    [Test]
    public void The_second_run_fails_where_the_first_passed()
    {
        _before.ExitCode.Should().Be(0, "{0}", _before);
        _after.ExitCode.Should().Be(1, "{0}", _after);
        _target.Proxy.Rewrites.Should().BeGreaterThan(0);
    }

    [Test]
    public void Compare_finds_the_regressed_behaviour_and_the_body_that_gained_a_field()
    {
        _compare.ExitCode.Should().Be(1, "a behaviour went from satisfied to not satisfied; {0}", _compare);
        _compare.Output.Should().Contain("REGRESSED: 1 behaviour(s) no longer satisfied").And.Contain(Broken);

        var markdown = File.ReadAllText(Path.Combine(_target.Work.FullName, "compared", "compare.md"));
        markdown.Should().Contain($"| `{Broken}` | ✅ satisfied | ❌ not satisfied | regressed |");
        markdown.Should().Contain($"| `{Refresh}` | satisfied | `POST /oauth/token` | body gained field `{AddedField}` |");
        TestContext.Out.WriteLine(_compare.Output);
    }

    [Test]
    public void The_comparison_holds_no_token_and_no_id()
    {
        var json = File.ReadAllText(Path.Combine(_target.Work.FullName, "compared", "compare.json"));
        var secrets = SecretHarvest.From(_target.Proxy.Exchanges);

        secrets.Should().NotBeEmpty();
        secrets.Values.Should().AllSatisfy(secret => json.Should().NotContain(secret));
        json.Should().Contain("\"regressed\": true");
    }

    /// <summary>The emulator's answers, each rule applied, and every successful token answer with one more field.</summary>
    private sealed class ChangedAnswers(params IProxyRule[] rules) : IProxyRule
    {
        public bool Rewrite(ProxiedRequest request, ProxiedAnswer answer)
        {
            var changed = rules.Aggregate(false, (any, rule) => rule.Rewrite(request, answer) | any);
            if (request.IsPost("/oauth/token") && answer.Status == 200 && JsonNode.Parse(answer.Body) is JsonObject token)
            {
                token[AddedField] = "urn:ietf:params:oauth:token-type:access_token";
                answer.Body = token.ToJsonString();
                changed = true;
            }

            return changed;
        }
    }
}
