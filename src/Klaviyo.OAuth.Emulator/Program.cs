using System.Runtime.InteropServices;
using Klaviyo.OAuth.Emulator;
using Klaviyo.OAuth.Emulator.Standalone;

CommandLine commandLine;
try
{
    commandLine = CommandLine.Parse(args);
}
catch (ArgumentException e)
{
    await Console.Error.WriteLineAsync(e.Message);
    await Console.Error.WriteLineAsync("Run with --help for usage.");
    return 2;
}

if (commandLine.ShowHelp)
{
    Console.WriteLine(CommandLine.Usage);
    return 0;
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
    return 2;
}

using (emulator)
{
    emulator.RequestHandled += (_, entry) => Console.WriteLine(ConsoleLine.Of(entry));
    DemoSetup.Print(emulator, commandLine.Options.EnableControlApi);
    Console.WriteLine("Emulator ready");
    stopped.Wait();
    Console.WriteLine("Emulator stopping");
}

return 0;
