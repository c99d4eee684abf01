using Klaviyo.OAuth.Guide;
using System.Runtime.InteropServices;

namespace Klaviyo.OAuth.Emulator.Standalone;

/// <summary>
/// The emulator as a program of its own: parses the command line, starts both hosts, logs one line
/// per request and stops on Ctrl-C or SIGTERM. Both <c>dotnet run --project src/Klaviyo.OAuth.Emulator</c>
/// and the tool's <c>emulate</c> command run this.
/// </summary>
public static class StandaloneEmulator
{
    /// <summary>The informational version, as the tool's --version prints it (0.1.0+commit).</summary>
    public static string Version =>
        typeof(StandaloneEmulator).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .OfType<System.Reflection.AssemblyInformationalVersionAttribute>().FirstOrDefault()?.InformationalVersion ?? "unknown";

    /// <summary>Runs until stopped; returns the exit code (0 stopped, 2 bad usage or could not start).</summary>
    /// <param name="invokedAs">How the user started it, for the usage text.</param>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, string invokedAs)
    {
        CommandLine commandLine;
        try
        {
            commandLine = CommandLine.Parse(args);
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            await Console.Error.WriteLineAsync("Run with --help for usage.");
            return ExitCodes.BadUsage;
        }

        if (commandLine.ShowHelp)
        {
            Console.WriteLine(CommandLine.UsageFor(invokedAs));
            return ExitCodes.Conforming;
        }

        if (commandLine.ShowVersion)
        {
            Console.WriteLine(Version);
            return ExitCodes.Conforming;
        }

        using var stopped = new ManualResetEventSlim();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stopped.Set();
        };
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            stopped.Set();
        });

        KlaviyoEmulator emulator;
        try
        {
            emulator = KlaviyoEmulator.Start(commandLine.Options);
        }
        catch (Exception e) when (e is ArgumentException or IOException or InvalidOperationException or System.Net.Sockets.SocketException)
        {
            await Console.Error.WriteLineAsync($"Could not start the emulator: {e.Message}");
            return ExitCodes.BadUsage;
        }

        using (emulator)
        {
            emulator.RequestHandled += (_, entry) => Console.WriteLine(ConsoleLine.Of(entry));
            DemoSetup.Print(emulator, commandLine.Options.EnableControlApi);
            Console.WriteLine("Emulator ready");
            stopped.Wait();
            Console.WriteLine("Emulator stopping");
        }

        return ExitCodes.Conforming;
    }
}
