using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;

namespace Klaviyo.OAuth.Emulator.Tests.Http;

/// <summary>The API's answers where Klaviyo's public evidence shows them: rate limits, the 401 challenge, revisions by date.</summary>
[Parallelizable(ParallelScope.All)]
public class ApiRateLimitTests
{
    private static readonly DateTimeOffset Start = new(2025, 4, 1, 12, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task Every_API_answer_but_a_429_says_where_the_app_stands_even_with_limits_off()
    {
        var (token, _) = await new Scenario().ObtainTokens();

        using var ok = await Scenario.CallApi("Bearer " + token);
        using var refused = await Scenario.CallApi(null, "api/profiles/");

        ok.StatusCode.Should().Be(HttpStatusCode.OK);
        (ok.Header("RateLimit-Limit"), ok.Header("RateLimit-Remaining"), ok.Header("RateLimit-Reset")).Should().Be(("1", "0", "1"), "accounts are tier XS: 1 a second");
        refused.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (refused.Header("RateLimit-Limit"), refused.Header("RateLimit-Remaining")).Should().Be(("75", "75"), "profiles are tier L: 75 a second");
    }

    [TestCase(null)]
    [TestCase("Bearer not-a-token")]
    [TestCase("Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJlc2lnbmF0dXJlc2lnbmF0dXJlc2ln")]
    public async Task A_401_names_both_schemes_the_API_takes(string? authorization)
    {
        using var response = await Scenario.CallApi(authorization);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.ToString().Should().Be("Bearer, Klaviyo-API-Key");
    }

    [Test]
    public async Task Over_the_burst_limit_the_API_answers_Klaviyos_429_and_counts_down_in_whole_seconds()
    {
        var (emulator, time, http) = Own(new EmulatorOptions { ApiRateLimits = true });
        using var _ = emulator;
        var token = await OwnEmulator.AccessToken(emulator, "accounts:read");
        (await OwnEmulator.Send(emulator, http, token, "api/accounts/")).StatusCode.Should().Be(HttpStatusCode.OK);

        using var throttled = await OwnEmulator.Send(emulator, http, token, "api/accounts/");
        time.Advance(TimeSpan.FromMilliseconds(600));
        using var soon = await OwnEmulator.Send(emulator, http, token, "api/accounts/");
        time.Advance(TimeSpan.FromMilliseconds(400));
        using var again = await OwnEmulator.Send(emulator, http, token, "api/accounts/");

        throttled.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        throttled.Header("Content-Type").Should().Be("application/vnd.api+json");
        var error = JsonDocument.Parse(await throttled.Content.ReadAsStringAsync()).RootElement.GetProperty("errors")[0];
        (error.GetProperty("status").GetInt32(), error.GetProperty("code").GetString(), error.GetProperty("title").GetString(), error.GetProperty("detail").GetString())
            .Should().Be((429, "throttled", "Request was throttled.", "Request was throttled. Expected available in 1 second."));
        throttled.Header("Retry-After").Should().Be("1");
        throttled.Header("RateLimit-Limit").Should().BeNull("a 429 carries Retry-After instead");
        (await soon.Content.ReadAsStringAsync()).Should().Contain("Expected available in 0 seconds.");
        soon.Header("Retry-After").Should().BeNull("Klaviyo was seen leaving it out of a 0-second 429");
        again.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task Over_the_steady_limit_the_wait_runs_to_the_end_of_the_minute_and_Retry_After_0_is_an_option()
    {
        var (emulator, time, http) = Own(new EmulatorOptions { ApiRateLimits = true, RetryAfterOnZeroSecondThrottle = true });
        using var _ = emulator;
        var token = await OwnEmulator.AccessToken(emulator, "accounts:read");
        for (var i = 0; i < 15; i++)
        {
            (await OwnEmulator.Send(emulator, http, token, "api/accounts/")).StatusCode.Should().Be(HttpStatusCode.OK);
            time.Advance(TimeSpan.FromSeconds(1));
        }

        using var throttled = await OwnEmulator.Send(emulator, http, token, "api/accounts/");
        time.Advance(TimeSpan.FromMilliseconds(44_500));
        using var atZero = await OwnEmulator.Send(emulator, http, token, "api/accounts/");

        (await throttled.Content.ReadAsStringAsync()).Should().Contain("Expected available in 45 seconds.");
        throttled.Header("Retry-After").Should().Be("45");
        atZero.Header("Retry-After").Should().Be("0");
    }

    [TestCase("api/accounts/", "2023-02-21", HttpStatusCode.NotFound)]
    [TestCase("api/accounts/", "2023-02-22", HttpStatusCode.OK)]
    [TestCase("api/profiles/", "2022-10-16.pre", HttpStatusCode.NotFound)]
    [TestCase("api/profiles/", "2022-10-17", HttpStatusCode.OK)]
    public async Task A_revision_from_before_the_endpoint_existed_finds_no_valid_revision(string path, string revision, HttpStatusCode expected)
    {
        var (token, _) = await new Scenario(scope: "accounts:read profiles:read").ObtainTokens();

        using var response = await Scenario.CallApi("Bearer " + token, path, revision);

        response.StatusCode.Should().Be(expected);
        if (expected == HttpStatusCode.NotFound)
        {
            (await response.Content.ReadAsStringAsync()).Should().Contain("\"detail\":\"No valid revisions found for method\"");
        }
    }

    [Test]
    public async Task A_revision_dated_after_today_is_refused_with_the_configured_status_and_detail()
    {
        var (emulator, _, http) = Own(new EmulatorOptions { FutureRevisionStatus = 404, FutureRevisionDetail = "No future." });
        using var _ = emulator;
        var token = await OwnEmulator.AccessToken(emulator, "accounts:read");

        using var today = await OwnEmulator.Send(emulator, http, token, "api/accounts/", "2025-04-01");
        using var tomorrow = await OwnEmulator.Send(emulator, http, token, "api/accounts/", "2025-04-02");

        today.StatusCode.Should().Be(HttpStatusCode.OK);
        tomorrow.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await tomorrow.Content.ReadAsStringAsync()).Should().Contain("\"detail\":\"No future.\"");
    }

    private static (KlaviyoEmulator Emulator, FakeTimeProvider Time, HttpClient Http) Own(EmulatorOptions options)
    {
        var time = new FakeTimeProvider(Start);
        return (KlaviyoEmulator.Start(options, time), time, OwnEmulator.Client());
    }
}
