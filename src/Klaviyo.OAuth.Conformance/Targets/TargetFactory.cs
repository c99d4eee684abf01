using Klaviyo.OAuth.Conformance.Configuration;
using Klaviyo.OAuth.Conformance.SignIn;
using Klaviyo.OAuth.Guide.Redaction;

namespace Klaviyo.OAuth.Conformance.Targets;

/// <summary>Turns remote settings into a target: with a control URL the suite steers it, without one it uses what is configured.</summary>
public static class TargetFactory
{
    /// <summary>
    /// A <see cref="ControlApiTarget"/> when Conformance:ControlUrl is set, else a <see cref="ConfiguredRemoteTarget"/>.
    /// Throws <see cref="ConformanceConfigurationException"/> listing every problem when the settings cannot be used.
    /// </summary>
    /// <param name="redactor">The run's redactor: the target registers the secrets it learns with it.</param>
    /// <param name="signIn">A person to approve the app in a browser: given only by a host that can ask (<c>run --sign-in</c>), used only without a control URL.</param>
    public static IConformanceTarget CreateRemote(ConformanceSettings settings, SecretRedactor redactor, TimeProvider? timeProvider = null, AssistedSignIn? signIn = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!settings.IsRemote)
        {
            throw new ConformanceConfigurationException(
                $"Conformance:Target is '{settings.Target}', not 'remote': the embedded target is started by the suite itself. Set Conformance:Target=remote (environment: Conformance__Target) to run against a remote endpoint.");
        }

        SettingsValidation.ThrowIfInvalid(settings);
        return ConformanceSettings.IsSet(settings.ControlUrl)
            ? new ControlApiTarget(settings, redactor)
            : new ConfiguredRemoteTarget(settings, redactor, timeProvider, signIn);
    }
}
