namespace Klaviyo.OAuth.Conformance.Configuration;

/// <summary>Where a setting's value came from.</summary>
public enum SettingOrigin
{
    /// <summary>Nobody set it: the default.</summary>
    Default,

    /// <summary>A key of the settings file's <c>Conformance</c> section.</summary>
    File,

    /// <summary>An environment variable <c>Conformance__Key</c>.</summary>
    Environment,

    /// <summary>An option of the tool (<c>--api-url</c>).</summary>
    Option,

    /// <summary>Follows from another setting: a URL of a remote host makes the target remote.</summary>
    Implied,
}

/// <summary>Where a setting came from, and what the user typed to set it.</summary>
/// <param name="Origin">File, environment, option, implied or default.</param>
/// <param name="Typed">
/// The name as the user wrote it: the key in the file, the environment variable, the option; for an
/// implied setting, the name of the setting it follows from.
/// </param>
/// <param name="File">The settings file, for a setting from a file.</param>
public sealed record SettingSource(SettingOrigin Origin, string Typed, string? File = null)
{
    public static readonly SettingSource Default = new(SettingOrigin.Default, string.Empty);

    /// <summary>"option --api-url", "environment Conformance__ClientId", "file conformance.json", "implied by --api-url", "default".</summary>
    public override string ToString() => Origin switch
    {
        SettingOrigin.File => $"file {File}",
        SettingOrigin.Environment => $"environment {Typed}",
        SettingOrigin.Option => $"option {Typed}",
        SettingOrigin.Implied => $"implied by {Typed}",
        _ => "default",
    };
}
