namespace Klaviyo.OAuth.Emulator.Standalone;

/// <summary>
/// The emulator as a program of its own: starts both hosts, logs one line per request and stops
/// when its cancellation fires (Ctrl-C or SIGTERM, through the command line). Both
/// <c>dotnet run --project src/Klaviyo.OAuth.Emulator</c> and the tool's <c>emulate</c> run this,
/// through <see cref="EmulatorCommandLine"/>.
/// </summary>
internal static class StandaloneEmulator
{
    /// <summary>Printed once both hosts listen.</summary>
    public const string ReadyLine = "Emulator ready";

    /// <summary>Runs until cancelled; returns the exit code (0 stopped, 2 could not start).</summary>
    public static async Task<int> RunAsync(EmulatorOptions options, TextWriter output, TextWriter error, CancellationToken cancellation)
    {
        // Request lines come from Kestrel's threads while the banner is written from this one.
        output = TextWriter.Synchronized(output);
        KlaviyoEmulator emulator;
        try
        {
            emulator = KlaviyoEmulator.Start(options);
        }
        catch (EmulatorStartException e)
        {
            await error.WriteLineAsync($"Could not start the emulator: {e.Message} Choose another with {OptionFor(e.Host)}.");
            return ExitCodes.BadUsage;
        }
        catch (Exception e) when (e is ArgumentException or IOException or UnauthorizedAccessException)
        {
            // A folder or file the options name that cannot be used after all: still one message, no stack trace.
            await error.WriteLineAsync($"Could not start the emulator: {e.Message}");
            return ExitCodes.BadUsage;
        }

        using (emulator)
        {
            emulator.RequestHandled += (_, entry) => output.WriteLine(ConsoleLine.Of(entry));
            emulator.MappingsReloaded += (_, message) => output.WriteLine(message);
            foreach (var warning in emulator.MappingWarnings)
            {
                await error.WriteLineAsync(warning);
            }

            DemoSetup.Print(emulator, options, output);
            await output.WriteLineAsync(ReadyLine);
            try
            {
                await Task.Delay(Timeout.Infinite, cancellation);
            }
            catch (OperationCanceledException)
            {
                // Ctrl-C, SIGTERM, or the caller's own cancellation: a normal stop.
            }

            await output.WriteLineAsync("Emulator stopping");
        }

        return ExitCodes.Conforming;
    }

    private static string OptionFor(EmulatorHostKind host) =>
        host == EmulatorHostKind.Web ? EmulatorCommandLine.WebUrlOption : EmulatorCommandLine.ApiUrlOption;
}
