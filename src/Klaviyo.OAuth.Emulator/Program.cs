using Klaviyo.OAuth.Emulator.Standalone;

return await StandaloneEmulator.RunAsync(args, "dotnet run --project src/Klaviyo.OAuth.Emulator --");
