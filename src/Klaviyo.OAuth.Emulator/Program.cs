using Klaviyo.OAuth.Emulator.Standalone;

// Built from a clone, its assembly lies beside it; published as one file, the usage names that file.
var invokedAs = File.Exists(Path.Combine(AppContext.BaseDirectory, "Klaviyo.OAuth.Emulator.dll"))
    ? "dotnet run --project src/Klaviyo.OAuth.Emulator --"
    : Path.GetFileName(Environment.ProcessPath) ?? "klaviyo-oauth-emulator";
return await StandaloneEmulator.RunAsync(args, invokedAs);
