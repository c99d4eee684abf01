namespace Klaviyo.OAuth.Conformance.Testing;

/// <summary>The dotnet host running this test run, so child processes use the same SDK; else dotnet on the PATH.</summary>
public static class DotnetHost
{
    public static string Path =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
}
