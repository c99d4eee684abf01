using System.Diagnostics;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using Klaviyo.OAuth.Emulator.Standalone;
using Klaviyo.OAuth.Emulator.Tests.Standalone;
using Klaviyo.OAuth.Guide;

namespace Klaviyo.OAuth.Emulator.Tests.Http;

/// <summary>
/// <c>--https</c>: both hosts over TLS with a generated self-signed certificate, reached by clients
/// that trust exactly that certificate (by its printed fingerprint, or by its PEM file).
/// </summary>
public class HttpsTests
{
    private DirectoryInfo _folder = null!;
    private KlaviyoEmulator _emulator = null!;

    [OneTimeSetUp]
    public void Start()
    {
        _folder = Directory.CreateTempSubdirectory("https-");
        _emulator = KlaviyoEmulator.Start(new EmulatorOptions { Https = true, HttpsCertificateDirectory = _folder.FullName });
    }

    [OneTimeTearDown]
    public void Stop()
    {
        _emulator.Dispose();
        _folder.Delete(recursive: true);
    }

    [Test]
    public async Task A_client_that_trusts_only_the_printed_fingerprint_completes_a_token_exchange_and_an_API_call_over_https()
    {
        var fingerprint = _emulator.HttpsCertificate!.Sha256Fingerprint;
        var served = new List<string>();
        using var handler = PinnedHandler(fingerprint, served);
        using var http = new HttpClient(handler, disposeHandler: false);

        var token = await OwnEmulator.AccessToken(_emulator, "accounts:read", handler);
        using var accounts = await OwnEmulator.Send(_emulator, http, token, "api/accounts/");

        _emulator.ApiBaseUrl.Scheme.Should().Be("https");
        _emulator.WebBaseUrl.Scheme.Should().Be("https");
        accounts.StatusCode.Should().Be(HttpStatusCode.OK);
        served.Should().NotBeEmpty().And.OnlyContain(f => f == fingerprint, "both hosts serve the certificate whose fingerprint was printed");
        using var pem = X509CertificateLoader.LoadCertificateFromFile(_emulator.HttpsCertificate.Path);
        Fingerprint(pem).Should().Be(fingerprint, "the printed file is the certificate served");
    }

    [Test]
    public async Task A_client_that_trusts_only_the_system_store_refuses_the_self_signed_certificate()
    {
        using var http = OwnEmulator.Client();

        var call = () => http.GetAsync(new Uri(_emulator.ApiBaseUrl, "__health"));

        (await call.Should().ThrowAsync<HttpRequestException>())
            .WithInnerException<System.Security.Authentication.AuthenticationException>().WithMessage("*certificate*");
    }

    [Test]
    public async Task Node_trusting_the_pem_file_reaches_both_hosts_over_https()
    {
        var script = """
            const https = require('https'), fs = require('fs');
            const ca = fs.readFileSync(process.argv[1]);
            const get = url => new Promise((ok, fail) => https.get(url, { ca }, r => { r.resume(); ok(r.statusCode); }).on('error', fail));
            Promise.all(process.argv.slice(2).map(get)).then(s => console.log(s.join(' ')), e => { console.log(e.code || e.message); process.exit(1); });
            """;
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-e", script, _emulator.HttpsCertificate!.Path, _emulator.ApiBaseUrl + "__health", _emulator.WebBaseUrl + "__health" })
        {
            start.ArgumentList.Add(argument);
        }

        Process node;
        try
        {
            node = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            Assert.Ignore("Node.js is not installed here (.ci/run installs it).");
            return;
        }

        using (node)
        {
            var printed = await node.StandardOutput.ReadToEndAsync();
            await node.WaitForExitAsync();

            printed.Trim().Should().Be("200 200", await node.StandardError.ReadToEndAsync());
        }
    }

    [Test]
    public void A_second_start_reuses_the_certificate_and_an_unreadable_one_is_made_again()
    {
        using (var again = KlaviyoEmulator.Start(new EmulatorOptions { Https = true, HttpsCertificateDirectory = _folder.FullName }))
        {
            again.HttpsCertificate.Should().Be(_emulator.HttpsCertificate);
        }

        var other = Directory.CreateTempSubdirectory("https-broken-");
        try
        {
            File.WriteAllText(Path.Combine(other.FullName, "klaviyo-oauth-emulator.pfx"), "not a certificate");
            using var remade = KlaviyoEmulator.Start(new EmulatorOptions { Https = true, HttpsCertificateDirectory = other.FullName });

            remade.HttpsCertificate!.Sha256Fingerprint.Should().NotBe(_emulator.HttpsCertificate!.Sha256Fingerprint);
            remade.HttpsCertificate.Path.Should().StartWith(other.FullName);
        }
        finally
        {
            other.Delete(recursive: true);
        }
    }

    [Test]
    public async Task The_standalone_emulator_prints_the_certificates_file_and_the_fingerprint_it_serves()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var stop = new CancellationTokenSource();
        var run = EmulatorCommandLine.RunAsync(["--https", "--https-cert-dir", _folder.FullName], output, error, stop.Token);
        await StandaloneRunTests.ReadyAsync(output, run);
        var lines = output.ToString().Split('\n');
        var apiUrl = lines.First(l => l.StartsWith("API host:", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[2];
        var printed = lines.First(l => l.TrimStart().StartsWith("SHA-256", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1].Trim();
        var served = new List<string>();
        using var http = Pinned(printed, served);

        using var health = await http.GetAsync(new Uri(new Uri(apiUrl), "__health"));
        await stop.CancelAsync();

        (await run).Should().Be(ExitCodes.Conforming);
        health.StatusCode.Should().Be(HttpStatusCode.OK);
        served.Should().Equal(printed);
        output.ToString().Should().Contain(Path.Combine(_folder.FullName, "klaviyo-oauth-emulator.pem"));
    }

    [TestCase("--https-cert-dir", "/tmp", "add --https")]
    [TestCase("--api-url", "https://127.0.0.1:0", "add --https")]
    public void Tls_options_without_https_are_refused_with_what_to_add(string option, string value, string advice) =>
        EmulatorCommandLine.Parse([option, value]).Errors.Should().ContainSingle().Which.Should().Contain(advice);

    // Trusts exactly one certificate, by fingerprint, and notes each certificate it was shown.
    private static HttpClient Pinned(string fingerprint, List<string> served) => new(PinnedHandler(fingerprint, served), disposeHandler: true);

    private static SocketsHttpHandler PinnedHandler(string fingerprint, List<string> served)
    {
        var handler = new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false, UseProxy = false };
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, _) =>
        {
            var shown = certificate is null ? string.Empty : Fingerprint(certificate);
            lock (served)
            {
                served.Add(shown);
            }

            return shown == fingerprint;
        };
        return handler;
    }

    private static string Fingerprint(X509Certificate certificate) =>
        string.Join(':', Convert.ToHexString(certificate.GetCertHash(System.Security.Cryptography.HashAlgorithmName.SHA256)).Chunk(2).Select(pair => new string(pair)));
}
