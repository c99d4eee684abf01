using System.Globalization;

namespace Klaviyo.OAuth.Conformance.EndToEndTests.Support;

/// <summary>
/// The peak resident memory (VmHWM, from /proc) of every process whose environment holds a marker:
/// a suite run's <c>dotnet test</c> and its test host, found by a variable only they carry.
/// Polled, so a process that lives less than one interval is missed; a test host lives seconds.
/// </summary>
public sealed class PeakMemory : IAsyncDisposable
{
    private readonly string _marker;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _polling;
    private long _peakKib;

    private PeakMemory(string marker)
    {
        _marker = marker;
        _polling = Task.Run(PollAsync);
    }

    /// <summary>The largest peak any marked process reached, in MiB.</summary>
    public double PeakMiB => Interlocked.Read(ref _peakKib) / 1024.0;

    public static bool Supported => OperatingSystem.IsLinux() && Directory.Exists("/proc/self");

    /// <summary>Starts watching for processes with <paramref name="variable"/>=<paramref name="value"/> in their environment.</summary>
    public static PeakMemory Watch(string variable, string value) => new($"{variable}={value}");

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _polling;
        _stop.Dispose();
    }

    private async Task PollAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            foreach (var process in Directory.EnumerateDirectories("/proc").Where(d => char.IsAsciiDigit(Path.GetFileName(d)[0])))
            {
                if (Marked(process) && HighWaterMarkKib(process) is { } kib && kib > Interlocked.Read(ref _peakKib))
                {
                    Interlocked.Exchange(ref _peakKib, kib);
                }
            }

            try
            {
                await Task.Delay(100, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private bool Marked(string process)
    {
        try
        {
            return File.ReadAllText(Path.Combine(process, "environ")).Split('\0').Contains(_marker, StringComparer.Ordinal);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static long? HighWaterMarkKib(string process)
    {
        try
        {
            var line = File.ReadLines(Path.Combine(process, "status")).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? null : long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return null;
        }
    }
}
