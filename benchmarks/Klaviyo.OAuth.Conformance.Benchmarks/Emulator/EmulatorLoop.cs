using System.Diagnostics;
using System.Net;
using Klaviyo.OAuth.Emulator;

namespace Klaviyo.OAuth.Conformance.Benchmarks.Emulator;

/// <summary>
/// Granted refreshes over loopback HTTP, one after another for a number of seconds, against the
/// emulator or bare Kestrel: a steady load to attach a profiler to
/// (<c>dotnet-trace collect -- dotnet bin/Release/net10.0/Klaviyo.OAuth.Conformance.Benchmarks.dll loop emulator 20</c>).
/// </summary>
internal static class EmulatorLoop
{
    public static int Run(string target, int seconds)
    {
        using var emulator = KlaviyoEmulator.Start();
        using var http = LoopbackApp.CreateHttpClient();
        var app = new LoopbackApp(emulator, http);
        var body = LoopbackApp.RefreshBody(app.ObtainTokensAsync().GetAwaiter().GetResult().RefreshToken);
        emulator.AdvanceClock(LoopbackApp.RefreshSpacing, app.Client.ClientId);
        using var sample = app.TokenAsync(body).GetAwaiter().GetResult();
        var json = LoopbackApp.ExpectAsync(sample, HttpStatusCode.OK).GetAwaiter().GetResult();
        var bare = target == "kestrel" ? BareTokenEndpoint.StartAsync(json).GetAwaiter().GetResult() : null;
        var watch = Stopwatch.StartNew();
        var count = 0;
        while (watch.Elapsed.TotalSeconds < seconds)
        {
            emulator.AdvanceClock(LoopbackApp.RefreshSpacing, app.Client.ClientId);
            using var response = bare is null ? app.TokenAsync(body).GetAwaiter().GetResult() : bare.TokenAsync(http, app.Basic, body).GetAwaiter().GetResult();
            LoopbackApp.ExpectAsync(response, HttpStatusCode.OK).GetAwaiter().GetResult();
            count++;
        }

        Console.WriteLine($"{target}: {count} refreshes in {watch.Elapsed.TotalSeconds:F1} s, {watch.Elapsed.TotalMicroseconds / count:F0} µs each");
        bare?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return 0;
    }
}
