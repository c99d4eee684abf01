using System.Net;
using System.Text.Json;
using Klaviyo.OAuth.Emulator.Tests.Http;

namespace Klaviyo.OAuth.Emulator.Tests.Stubs;

/// <summary>
/// <c>--record DIR</c> in front of an upstream (a second emulator standing in for the real
/// Klaviyo), then a fresh emulator with <c>--mappings DIR</c>: the recorded answers are served
/// behind the fresh emulator's own OAuth, and the files hold no credential.
/// </summary>
public class RecordAndReplayTests
{
    [Test]
    public async Task Recorded_upstream_answers_are_replayed_behind_the_emulators_own_oauth()
    {
        var folder = Directory.CreateTempSubdirectory("record-replay-");
        try
        {
            string recordedAccounts, recordedProfile, accessToken, refreshToken, secret;
            var profileId = "";
            using (var world = new ProxiedWorld(folder.FullName))
            {
                (accessToken, refreshToken) = await world.ObtainTokens("accounts:read profiles:read");
                secret = world.Client.ClientSecret;
                using var accounts = await world.CallApi(accessToken);
                recordedAccounts = await accounts.Content.ReadAsStringAsync();
                using var profiles = await world.CallApi(accessToken, "api/profiles/?page%5Bsize%5D=1");
                profileId = JsonDocument.Parse(await profiles.Content.ReadAsStringAsync()).RootElement.GetProperty("data")[0].GetProperty("id").GetString()!;
                using var profile = await world.CallApi(accessToken, $"api/profiles/{profileId}/");
                recordedProfile = await profile.Content.ReadAsStringAsync();
                accounts.StatusCode.Should().Be(HttpStatusCode.OK);
                profile.StatusCode.Should().Be(HttpStatusCode.OK);
            }

            using var replay = KlaviyoEmulator.Start(new EmulatorOptions { MappingsDirectory = folder.FullName, DataSeed = 7 });
            using var http = OwnEmulator.Client();
            var reader = await OwnEmulator.AccessToken(replay, "accounts:read profiles:read");
            var listsOnly = await OwnEmulator.AccessToken(replay, "lists:read");

            using var replayedAccounts = await OwnEmulator.Send(replay, http, reader, "api/accounts/");
            using var replayedProfile = await OwnEmulator.Send(replay, http, reader, $"api/profiles/{profileId}/");
            using var anonymous = await http.GetAsync(new Uri(replay.ApiBaseUrl, "api/accounts/"));
            using var unknownToken = await OwnEmulator.Send(replay, http, accessToken, "api/accounts/");
            using var withoutScope = await OwnEmulator.Send(replay, http, listsOnly, $"api/profiles/{profileId}/");

            (await replayedAccounts.Content.ReadAsStringAsync()).Should().Be(recordedAccounts, "the upstream's account, not the one this emulator would make up");
            (await replayedProfile.Content.ReadAsStringAsync()).Should().Be(recordedProfile, "a profile this emulator's own data (another seed) does not have");
            anonymous.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
            (await anonymous.Content.ReadAsStringAsync()).Should().NotContain("\"account\"");
            unknownToken.StatusCode.Should().Be(HttpStatusCode.Unauthorized, "the upstream's token means nothing to the replaying emulator");
            withoutScope.StatusCode.Should().Be(HttpStatusCode.Forbidden);
            replay.Journal.Should().Contain(e => e.Path == "/api/accounts/" && e.Status == 200 && e.Outcome.Contains("WireMock", StringComparison.Ordinal));

            var files = folder.GetFiles("*.json");
            files.Should().HaveCount(3);
            foreach (var file in files)
            {
                var text = await File.ReadAllTextAsync(file.FullName);
                text.Should().NotContain(accessToken).And.NotContain(refreshToken).And.NotContain(secret)
                    .And.NotContain("Authorization").And.NotContain("Bearer").And.NotContain("code_verifier").And.NotContain("\"code\"");
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
