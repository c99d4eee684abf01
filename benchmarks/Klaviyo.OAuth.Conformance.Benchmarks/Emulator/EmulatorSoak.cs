using System.Diagnostics;
using System.Globalization;
using Klaviyo.OAuth.Emulator;
using Klaviyo.OAuth.Emulator.Model;

namespace Klaviyo.OAuth.Conformance.Benchmarks.Emulator;

/// <summary>
/// A long-running emulator in fast motion: a million refreshes through the model (no HTTP) across
/// many refresh tokens, the client's clock moving an hour per round, so weeks pass and tokens
/// expire and get forgotten. Prints the managed heap after a full GC every 100 000 refreshes:
/// after warm-up it must stay flat. A script, not a BenchmarkDotNet class: it measures a plateau,
/// not a time per operation.
/// </summary>
internal static class EmulatorSoak
{
    private const int Tokens = 1_000;
    private const int Refreshes = 1_000_000;
    private const int ReportEvery = 100_000;

    // dotnet run -c Release --project benchmarks/Klaviyo.OAuth.Conformance.Benchmarks -- soak
    public static int Run()
    {
        var options = new EmulatorOptions();
        var emulation = new Emulation(options, TimeProvider.System);
        var client = emulation.Clients.Register();
        var account = emulation.Accounts.CreateAccount(allowlisted: true);
        var refreshTokens = Enumerable.Range(0, Tokens).Select(_ =>
        {
            var code = emulation.Tokens.IssueCode(client.Id, ClientRegistry.DefaultRedirectUri, "accounts:read", LoopbackApp.Challenge, account.Id);
            return emulation.Tokens.ExchangeCode(client.Id, code.Value, ClientRegistry.DefaultRedirectUri, LoopbackApp.Verifier).RefreshToken!.Value;
        }).ToArray();

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{Refreshes:N0} refreshes over {Tokens:N0} refresh tokens, the clock 1 h ahead per round of {Tokens:N0}; access tokens live {options.AccessTokenLifetime.TotalHours} h, forgotten {options.ForgetAfter.TotalHours} h after."));
        Console.WriteLine("refreshes   emulated days   managed heap (MiB)   access tokens held   working set (MiB)");
        var clock = Stopwatch.StartNew();
        for (var i = 1; i <= Refreshes; i++)
        {
            if (i % Tokens == 1)
            {
                emulation.Clock.Advance(TimeSpan.FromHours(1), client.Id);
            }

            var outcome = emulation.Tokens.Refresh(client.Id, refreshTokens[i % Tokens]);
            if (outcome.AccessToken is null)
            {
                Console.Error.WriteLine($"Refresh {i} refused: {outcome.Refusal}");
                return 1;
            }

            if (i % ReportEvery == 0)
            {
                Report(i, emulation, client.Id);
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Refreshes:N0} refreshes in {clock.Elapsed.TotalSeconds:0.0} s."));
        return 0;
    }

    private static void Report(int refreshes, Emulation emulation, string clientId)
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var heap = GC.GetTotalMemory(forceFullCollection: true) / 1024.0 / 1024.0;
        var days = (emulation.Clock.Now(clientId) - DateTimeOffset.UtcNow).TotalDays;
        using var process = Process.GetCurrentProcess();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{refreshes,9:N0}   {days,13:0.0}   {heap,18:0.0}   {emulation.Tokens.Held.AccessTokens,18:N0}   {process.WorkingSet64 / 1024.0 / 1024.0,17:0.0}"));
    }
}
