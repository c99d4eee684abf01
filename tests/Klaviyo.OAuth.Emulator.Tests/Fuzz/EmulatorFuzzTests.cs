using System.Net;
using CsCheck;

namespace Klaviyo.OAuth.Emulator.Tests.Fuzz;

/// <summary>
/// Ten thousand generated requests across every route of both hosts and the control API: none may
/// get a 5xx other than the model's own outage answer (503 with Retry-After), none may hang, each
/// is answered by the emulator's own handling (journaled), and afterwards a correct client still
/// refreshes. The one exception to "journaled": a NUL in the path, which Kestrel's HTTP parser
/// refuses with its own bare 400 before any handler runs. On failure CsCheck prints the seed; replay with CsCheck_Seed=&lt;seed&gt; in the environment.
/// </summary>
[NonParallelizable]
public class EmulatorFuzzTests
{
    private const int Requests = 10_000;

    private static readonly Gen<FuzzCase> Cases = Gen.Select(
        Gen.Int[0, FuzzCase.Routes.Length - 1],
        Gen.Int[0, FuzzCase.Methods.Length - 1],
        Gen.Int[0, FuzzCase.CredentialKinds - 1],
        Gen.Int[0, FuzzCase.ContentTypes.Length - 1],
        Gen.Int[0, FuzzCase.BodyKinds - 1],
        Gen.Int[0, FuzzCase.QueryKinds - 1],
        Gen.Int[0, int.MaxValue - 3],
        (route, method, credentials, contentType, body, query, salt) => new FuzzCase(route, method, credentials, contentType, body, query, salt));

    [Test]
    public async Task Generated_requests_never_get_a_server_error_and_leave_the_emulator_working()
    {
        using var target = await FuzzTarget.StartAsync();
        var sent = 0;
        var refusedByKestrel = 0;

        await Cases.SampleAsync(
            async fuzzCase =>
            {
                using var response = await SendAsync(target, fuzzCase);
                Interlocked.Increment(ref sent);
                var status = (int)response.StatusCode;
                if (fuzzCase.PathAndQuery(target).Split('?')[0].Contains("%00", StringComparison.Ordinal) && status == 400)
                {
                    Interlocked.Increment(ref refusedByKestrel);
                }

                var outage = status == 503 && response.Headers.Contains("Retry-After");
                if (status >= 500 && !outage)
                {
                    throw new InvalidOperationException($"{fuzzCase} answered {status}: {await response.Content.ReadAsStringAsync()}");
                }
            },
            iter: Requests,
            threads: 4,
            print: fuzzCase => fuzzCase.ToString());

        sent.Should().BeGreaterThanOrEqualTo(Requests);
        target.Answered.Should().BeGreaterThanOrEqualTo(sent - refusedByKestrel, "every request is answered by the emulator's own handling, and journaled");
        await EndEveryOutage(target);
        await target.NewAppAsync();
        using var refresh = await target.RefreshAsync();
        refresh.StatusCode.Should().Be(HttpStatusCode.OK, await refresh.Content.ReadAsStringAsync());
    }

    private static async Task<HttpResponseMessage> SendAsync(FuzzTarget target, FuzzCase fuzzCase)
    {
        var (host, _) = FuzzCase.Routes[fuzzCase.Route];
        var baseUrl = host == "api" ? target.Emulator.ApiBaseUrl : target.Emulator.WebBaseUrl;
        using var request = new HttpRequestMessage(new HttpMethod(FuzzCase.Methods[fuzzCase.Method]), new Uri(baseUrl, fuzzCase.PathAndQuery(target)));
        if (fuzzCase.Authorization(target) is { } authorization)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        if (fuzzCase.Cookie(target) is { } cookie)
        {
            request.Headers.TryAddWithoutValidation("Cookie", cookie);
        }

        if (fuzzCase.BodyBytes(target) is { } body)
        {
            request.Content = new ByteArrayContent(body);
            if (FuzzCase.ContentTypes[fuzzCase.ContentType] is { } contentType)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            }
        }

        return await target.Http.SendAsync(request);
    }

    private static async Task EndEveryOutage(FuzzTarget target)
    {
        foreach (var family in new[] { "token", "revoke", "authorize", "api" })
        {
            using var end = await target.Http.DeleteAsync(new Uri(target.Emulator.ApiBaseUrl, "__control/outages/" + family));
            end.StatusCode.Should().Be(HttpStatusCode.NoContent);
        }
    }
}
