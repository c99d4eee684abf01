using FluentAssertions;
using Klaviyo.OAuth.Conformance.Configuration;
using Klaviyo.OAuth.Conformance.Http;
using Klaviyo.OAuth.Conformance.Targets;
using Klaviyo.OAuth.Conformance.Tests.Support;
using Klaviyo.OAuth.Guide.Redaction;
using NUnit.Framework;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Klaviyo.OAuth.Conformance.Tests.Targets;

/// <summary>What the control-API target says when the control API is not there or does not answer as expected.</summary>
public class ControlApiTargetFailureTests
{
    private WireMockServer server = null!;

    [SetUp]
    public void StartServer() => server = WireMockServer.Start();

    [TearDown]
    public void StopServer() => server.Dispose();

    [Test]
    public async Task A_closed_port_is_unreachable_and_the_message_names_the_url_and_the_cause()
    {
        var url = $"http://127.0.0.1:{LoopbackPorts.Closed()}";
        await using var target = new ControlApiTarget(Settings(url), new SecretRedactor());

        var ask = () => target.WhyLacking(Capability.Client);
        var provide = () => target.ProvideAppAsync();

        ask.Should().Throw<TargetUnreachableException>().WithMessage($"GET {url}/__control/ could not be reached: connection refused*");
        await provide.Should().ThrowAsync<TargetUnreachableException>().WithMessage($"POST {url}/__control/clients could not be reached*");
    }

    [Test]
    public async Task Only_what_the_control_api_lists_is_offered_and_the_rest_is_named()
    {
        Answer(HttpMethod.Get, "/__control/", 200, """{"capabilities":["clients","clock"]}""");
        await using var target = new ControlApiTarget(Settings(server.Url!), new SecretRedactor());

        target.WhyLacking(Capability.Client).Should().BeNull();
        target.WhyLacking(Capability.Clock).Should().BeNull();
        target.WhyLacking(Capability.Destructive).Should().BeNull("the suite provisions throwaway apps");
        target.WhyLacking(Capability.Outage).Should().Be($"the control API at {server.Url}/__control/ does not offer 'outages' (it offers: clients, clock).");
        target.WhyLacking(Capability.Consent).Should().Contain("'accounts', 'users', 'sessions'");
        target.WhyLacking(Capability.RefreshToken).Should().Contain("'accounts', 'users', 'sessions'");
    }

    [Test]
    public async Task The_capabilities_are_read_once()
    {
        Answer(HttpMethod.Get, "/__control/", 200, """{"capabilities":["clients"]}""");
        await using var target = new ControlApiTarget(Settings(server.Url!), new SecretRedactor());

        foreach (var capability in Enum.GetValues<Capability>())
        {
            target.WhyLacking(capability);
        }

        server.LogEntries.Should().ContainSingle();
    }

    [Test]
    public async Task An_html_answer_is_a_failure_that_shows_what_came_back()
    {
        Answer(HttpMethod.Get, "/__control/", 200, "<html><body>Welcome to the gateway</body></html>", "text/html");
        await using var target = new ControlApiTarget(Settings(server.Url!), new SecretRedactor());

        var ask = () => target.WhyLacking(Capability.Clock);

        ask.Should().Throw<InvalidOperationException>().WithMessage("*not JSON*<html><body>Welcome to the gateway*");
    }

    [Test]
    public async Task A_refused_control_call_shows_the_body_cut_short_and_without_secrets()
    {
        var body = """{"error":"boom","client_secret":"cs-leaked-7d1e9f"}""" + new string('x', 2000);
        Answer(HttpMethod.Post, "/__control/clients", 500, body);
        await using var target = new ControlApiTarget(Settings(server.Url!), new SecretRedactor());

        var provide = () => target.ProvideAppAsync();

        var failure = await provide.Should().ThrowAsync<InvalidOperationException>();
        failure.Which.Message.Should().Contain($"500").And.Contain($"POST {server.Url}/__control/clients")
            .And.Contain("[REDACTED]").And.Contain("[truncated").And.NotContain("cs-leaked-7d1e9f");
        failure.Which.Message.Length.Should().BeLessThan(1000);
    }

    [Test]
    public async Task An_answer_without_the_expected_field_is_a_failure_that_names_it()
    {
        Answer(HttpMethod.Post, "/__control/clients", 201, """{"id":"abc"}""");
        await using var target = new ControlApiTarget(Settings(server.Url!), new SecretRedactor());

        var provide = () => target.ProvideAppAsync();

        await provide.Should().ThrowAsync<InvalidOperationException>().WithMessage("*has no \"clientId\"*{\"id\":\"abc\"}*");
    }

    [Test]
    public async Task A_control_url_with_a_path_keeps_the_path()
    {
        Answer(HttpMethod.Get, "/emulator/__control/", 200, """{"capabilities":["clock"]}""");
        await using var target = new ControlApiTarget(Settings(server.Url + "/emulator/"), new SecretRedactor());

        target.WhyLacking(Capability.Clock).Should().BeNull();
    }

    private static ConformanceSettings Settings(string controlUrl) => new()
    {
        Target = "remote",
        ApiBaseUrl = "http://127.0.0.1:1",
        WebBaseUrl = "http://127.0.0.1:2",
        ControlUrl = controlUrl,
        TimeoutSeconds = 5,
    };

    private void Answer(HttpMethod method, string path, int status, string body, string contentType = "application/json") =>
        server.Given(Request.Create().WithPath(path).UsingMethod(method.Method))
            .RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", contentType).WithBody(body));
}
