using Klaviyo.OAuth.Emulator.Standalone;

return await EmulatorCommandLine.RunAsync(args, Console.Out, Console.Error);
