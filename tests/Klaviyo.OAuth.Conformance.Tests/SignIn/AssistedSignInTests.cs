using System.Collections.Concurrent;
using System.Web;
using FluentAssertions;
using Klaviyo.OAuth.Conformance.SignIn;
using Klaviyo.OAuth.Conformance.Targets;
using Klaviyo.OAuth.Conformance.Tests.Support;
using Klaviyo.OAuth.Guide.Redaction;
using NUnit.Framework;

namespace Klaviyo.OAuth.Conformance.Tests.SignIn;

/// <summary>The assisted sign-in as a person meets it: a URL on its own line, the redirect received or pasted, the state checked, codes reused.</summary>
public class AssistedSignInTests
{
    private static readonly Uri Web = new("https://www.klaviyo.example/");

    [Test]
    public async Task A_loopback_redirect_uri_is_listened_on_and_the_code_comes_back_with_its_state_checked()
    {
        var redirect = $"http://127.0.0.1:{LoopbackPorts.Closed()}/callback";
        var person = new Person(url => Follow(url, "abc-code"));
        using var signIn = new AssistedSignIn(person, new SecretRedactor()) { ApprovalsPlanned = 3 };

        var approved = await signIn.ApproveAsync(Web, App(redirect), "Code challenge failed");

        approved.Code.Should().Be("abc-code");
        approved.CodeChallenge.Should().Be(Klaviyo.OAuth.Guide.Protocol.Pkce.ChallengeFor(approved.CodeVerifier));
        person.Lines.Should().Contain("Sign-in needed — approval 1 of at most 3: Code challenge failed");
        var url = person.Lines.Single(l => l.StartsWith(Web.AbsoluteUri, StringComparison.Ordinal));
        var query = HttpUtility.ParseQueryString(new Uri(url).Query);
        query["code_challenge_method"].Should().Be("S256");
        query["code_challenge"].Should().Be(approved.CodeChallenge);
        query["scope"].Should().Be(AssistedSignIn.Scope);
        query["redirect_uri"].Should().Be(redirect);
        query["state"].Should().Be(approved.State).And.HaveLength(24);
        person.Questions.Should().BeEmpty("the browser came back on its own");
    }

    [Test]
    public async Task Another_redirect_uri_is_pasted_and_a_wrong_state_is_refused()
    {
        const string redirect = "https://app.example/callback";
        var pasting = new Person(paste: url => $"{redirect}?code=pasted-code&state={State(url)}");
        using var signIn = new AssistedSignIn(pasting, new SecretRedactor());
        (await signIn.ApproveAsync(Web, App(redirect), "tokens")).Code.Should().Be("pasted-code");
        pasting.Questions.Should().ContainSingle().Which.Should().Contain("Paste the URL");

        using var stale = new AssistedSignIn(new Person(paste: _ => $"{redirect}?code=x&state=from-another-tab"), new SecretRedactor());
        var act = () => stale.ApproveAsync(Web, App(redirect), "tokens");
        (await act.Should().ThrowAsync<SignInException>()).WithMessage("*state*not the one the suite sent*");
    }

    [Test]
    public async Task A_code_given_back_unspent_serves_the_next_scenario_until_the_target_is_seen_to_spend_refused_codes()
    {
        const string redirect = "https://app.example/callback";
        var person = new Person(paste: url => $"{redirect}?code=code-{State(url)}&state={State(url)}");
        using var signIn = new AssistedSignIn(person, new SecretRedactor()) { ApprovalsPlanned = 1 };

        var first = await signIn.ApproveAsync(Web, App(redirect), "first");
        signIn.GiveBack(first);
        var second = await signIn.ApproveAsync(Web, App(redirect), "second");
        second.Code.Should().Be(first.Code);
        second.Reused.Should().BeTrue();
        signIn.Approvals.Should().Be(1);

        signIn.GiveBack(second);
        signIn.TargetSpendsRefusedCodes();
        (await signIn.ApproveAsync(Web, App(redirect), "third")).Code.Should().NotBe(first.Code);
        signIn.Approvals.Should().Be(2);
        person.Lines.Where(l => l.StartsWith("Sign-in needed", StringComparison.Ordinal)).Should()
            .Equal(["Sign-in needed — approval 1 of at most 1: first", "Sign-in needed — approval 2 of at most 2: third"], "a plan that counted on reuse grows when the target spends refused codes");
    }

    [Test]
    public async Task When_the_input_ends_no_further_approval_is_asked_for()
    {
        var silent = new Person();
        using var signIn = new AssistedSignIn(silent, new SecretRedactor());
        var ask = () => signIn.ApproveAsync(Web, App("https://app.example/callback"), "tokens");

        await ask.Should().ThrowAsync<SignInException>().WithMessage("*input ended*");
        await ask.Should().ThrowAsync<SignInException>().WithMessage("No more approvals*");
        silent.Questions.Should().HaveCount(1);
    }

    private static AppRegistration App(string redirect) => new("client-1", "secret-1", redirect);

    private static string State(string authorizeUrl) => HttpUtility.ParseQueryString(new Uri(authorizeUrl).Query)["state"]!;

    // The browser: after the person approves, the target sends it to the redirect URI with the code and the state.
    private static void Follow(string authorizeUrl, string code)
    {
        var query = HttpUtility.ParseQueryString(new Uri(authorizeUrl).Query);
        _ = Task.Run(async () =>
        {
            using var http = new HttpClient();
            using var answer = await http.GetAsync($"{query["redirect_uri"]}?code={code}&state={query["state"]}");
        });
    }

    private sealed class Person(Action<string>? browse = null, Func<string, string>? paste = null) : ISignInConsole
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        public ConcurrentQueue<string> Questions { get; } = new();

        private string? _url;

        public void ShowLine(string line)
        {
            Lines.Enqueue(line);
            if (line.StartsWith(Web.AbsoluteUri, StringComparison.Ordinal))
            {
                _url = line;
            }
            else if (line.StartsWith("Waiting for the browser", StringComparison.Ordinal))
            {
                browse?.Invoke(_url!);
            }
        }

        public Task<string?> AskAsync(string question, CancellationToken cancellationToken)
        {
            Questions.Enqueue(question);
            return Task.FromResult(paste?.Invoke(_url!));
        }

        public bool TryOpenBrowser(Uri url) => false;
    }
}
