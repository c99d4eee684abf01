using FluentAssertions;
using Klaviyo.OAuth.Conformance.Tests.Support;
using Klaviyo.OAuth.Emulator;
using Klaviyo.OAuth.Guide;
using NUnit.Framework;

namespace Klaviyo.OAuth.Conformance.Tests.Tool;

/// <summary>
/// <c>run --trust-certificate FILE</c> against an emulator serving HTTPS with its own certificate: without
/// it the target cannot be reached (the certificate is not trusted), with it the run verifies what the
/// target answers; a file that is not a certificate is bad input.
/// </summary>
[NonParallelizable]
public sealed class TrustedCertificateRunTests : ToolCommandTests
{
    private const string WrongHost = "Category=token.wrong-host|Category=revoke.wrong-host";
    private KlaviyoEmulator _emulator = null!;
    private string _certificates = null!;

    [OneTimeSetUp]
    public void StartAnHttpsEmulator()
    {
        _certificates = TestData.TempDirectory();
        _emulator = KlaviyoEmulator.Start(new EmulatorOptions { Https = true, HttpsCertificateDirectory = _certificates });
    }

    [OneTimeTearDown]
    public void StopIt()
    {
        _emulator.Dispose();
        Directory.Delete(_certificates, recursive: true);
    }

    private string[] Run(params string[] more) =>
        ["run", "--api-url", _emulator.ApiBaseUrl.AbsoluteUri, "--web-url", _emulator.WebBaseUrl.AbsoluteUri, "--filter", WrongHost, "--out", Path.Combine(Folder, "reports"), .. more];

    [Test]
    public void Without_the_emulators_certificate_the_target_is_unreachable_for_its_certificate()
    {
        RunTool(Run()).Should().Be(ExitCodes.Unverified, Output + Error);

        Output.Should().Contain("FAILS: The target could not be reached").And.Contain("is trusted with --trust-certificate FILE");
    }

    [Test]
    public void Trusting_the_certificate_the_emulator_printed_the_run_verifies_the_target()
    {
        RunTool(Run("--trust-certificate", _emulator.HttpsCertificate!.Path)).Should().Be(ExitCodes.Conforming, Output + Error);

        Output.Should().Contain("PASSES").And.Contain($"TrustedCertificate  {_emulator.HttpsCertificate.Path}  (option --trust-certificate)");
    }

    [Test]
    public void A_file_that_is_not_a_certificate_is_bad_input_naming_the_option()
    {
        var notACertificate = Path.Combine(Folder, "cert.pem");
        File.WriteAllText(notACertificate, "not a certificate");

        RunTool(Run("--trust-certificate", notACertificate)).Should().Be(ExitCodes.BadUsage);

        Error.Should().Contain($"--trust-certificate: {notACertificate} is not a certificate").And.NotContain("   at ");
    }
}
