using Klaviyo.OAuth.Guide.Redaction;
using FluentAssertions;
using Klaviyo.OAuth.Conformance.Configuration;
using Klaviyo.OAuth.Conformance.Http;
using Klaviyo.OAuth.Conformance.Targets;
using Klaviyo.OAuth.Conformance.Tests.Support;
using NUnit.Framework;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Klaviyo.OAuth.Conformance.Tests.Targets;

public class TargetPreflightTests
{
    private WireMockServer server = null!;

    [SetUp]
    public void StartServer() => server = WireMockServer.Start();

    [TearDown]
    public void StopServer() => server.Dispose();

    [Test]
    public async Task Hosts_that_answer_anything_even_an_error_status_are_reachable()
    {
        server.Given(Request.Create().UsingAnyMethod()).RespondWith(Response.Create().WithStatusCode(404));
        await using var target = new ConfiguredRemoteTarget(Settings(server.Url!, server.Url!), new SecretRedactor());
        using var http = new TargetHttpClient(TimeSpan.FromSeconds(5));

        (await TargetPreflight.FindUnreachableAsync(target, http)).Should().BeNull();
        server.LogEntries.Should().HaveCount(1, "one request per distinct host");
    }

    [Test]
    public async Task A_host_where_nothing_listens_is_named_with_its_cause_and_the_reachable_one_is_not()
    {
        server.Given(Request.Create().UsingAnyMethod()).RespondWith(Response.Create().WithStatusCode(200));
        var closed = $"http://127.0.0.1:{LoopbackPorts.Closed()}";
        await using var target = new ConfiguredRemoteTarget(Settings(server.Url!, closed), new SecretRedactor());
        using var http = new TargetHttpClient(TimeSpan.FromSeconds(5));

        var message = await TargetPreflight.FindUnreachableAsync(target, http);

        message.Should().StartWith("The target could not be reached").And.Contain(closed).And.Contain("connection refused").And.NotContain(server.Url!);
    }

    [Test]
    public async Task A_control_api_is_a_host_of_its_own()
    {
        await using var target = new ControlApiTarget(new ConformanceSettings
        {
            Target = "remote",
            ApiBaseUrl = "http://127.0.0.1:1",
            WebBaseUrl = "http://127.0.0.1:2",
            ControlUrl = "http://127.0.0.1:3",
        }, new SecretRedactor());

        TargetPreflight.HostsOf(target).Select(h => h.Port).Should().Equal(1, 2, 3);
    }

    private static ConformanceSettings Settings(string api, string web) => new()
    {
        Target = "remote",
        ApiBaseUrl = api,
        WebBaseUrl = web,
    };
}
