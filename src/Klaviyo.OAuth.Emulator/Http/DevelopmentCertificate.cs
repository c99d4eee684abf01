using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Klaviyo.OAuth.Emulator.Http;

/// <summary>
/// The self-signed certificate both hosts serve with <see cref="EmulatorOptions.Https"/>: for
/// 127.0.0.1, ::1 and localhost, made once and kept in a folder (the key in a .pfx the emulator
/// reads, the certificate alone in a .pem a client trusts), and made again only when it is
/// missing, unreadable or near its end.
/// </summary>
internal static class DevelopmentCertificate
{
    public const string KeyFileName = "klaviyo-oauth-emulator.pfx";
    public const string CertificateFileName = "klaviyo-oauth-emulator.pem";

    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(365);
    private static readonly TimeSpan RenewBefore = TimeSpan.FromDays(7);

    /// <summary>Where the certificate is kept unless <see cref="EmulatorOptions.HttpsCertificateDirectory"/> says otherwise.</summary>
    public static string DefaultDirectory => Path.Combine(Path.GetTempPath(), "klaviyo-oauth-emulator-https");

    /// <summary>The certificate in <paramref name="directory"/>, made there first if need be: its key file (for the hosts) and what a client is shown.</summary>
    /// <exception cref="ArgumentException">The folder cannot be written.</exception>
    public static (string KeyFile, EmulatorCertificate Shown) InOrMadeIn(string directory)
    {
        var folder = Path.GetFullPath(directory);
        try
        {
            Directory.CreateDirectory(folder);
            var keyFile = Path.Combine(folder, KeyFileName);
            using var certificate = Usable(keyFile) ?? Made(keyFile);
            var pemFile = Path.Combine(folder, CertificateFileName);
            WriteAtomically(pemFile, EmulatorResponse.Utf8.GetBytes(certificate.ExportCertificatePem() + "\n"), overwrite: true);
            return (keyFile, new EmulatorCertificate(pemFile, Fingerprint(certificate)));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ArgumentException($"The HTTPS certificate folder '{folder}' cannot be used ({e.Message.TrimEnd('.')}); choose another with --https-cert-dir.");
        }
    }

    /// <summary>SHA-256 of the certificate as browsers and openssl show it: upper-case hex pairs joined by colons.</summary>
    public static string Fingerprint(X509Certificate certificate) =>
        string.Join(':', certificate.GetCertHash(HashAlgorithmName.SHA256).Select(b => b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture)));

    private static X509Certificate2? Usable(string keyFile)
    {
        if (!File.Exists(keyFile))
        {
            return null;
        }

        try
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(keyFile, password: null);
            var now = DateTime.Now;
            var names = certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>().FirstOrDefault();
            var covers = names is not null
                && names.EnumerateDnsNames().Contains("localhost")
                && names.EnumerateIPAddresses().Contains(IPAddress.Loopback)
                && names.EnumerateIPAddresses().Contains(IPAddress.IPv6Loopback);
            if (certificate.HasPrivateKey && covers && certificate.NotBefore <= now && certificate.NotAfter > now + RenewBefore)
            {
                return certificate;
            }

            certificate.Dispose();
            return null;
        }
        catch (CryptographicException)
        {
            // Not a certificate any more (cut short, or someone else's file): make a new one.
            return null;
        }
    }

    private static X509Certificate2 Made(string keyFile)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=Klaviyo OAuth emulator (development)", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddIpAddress(IPAddress.IPv6Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: false, hasPathLengthConstraint: false, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1", "Server Authentication")], critical: false));
        var now = DateTimeOffset.UtcNow;
        using var made = request.CreateSelfSigned(now.AddDays(-1), now + Lifetime);
        var pfx = made.Export(X509ContentType.Pkcs12);

        // Two emulators starting at once must serve the same certificate: the first file written wins.
        if (!WriteAtomically(keyFile, pfx, overwrite: File.Exists(keyFile)))
        {
            return Usable(keyFile) ?? X509CertificateLoader.LoadPkcs12(pfx, password: null);
        }

        return X509CertificateLoader.LoadPkcs12(pfx, password: null);
    }

    // Written aside, then moved in place, so that no reader meets half a file; the key is the user's alone.
    private static bool WriteAtomically(string file, byte[] content, bool overwrite)
    {
        var aside = file + "." + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6)) + ".tmp";
        File.WriteAllBytes(aside, content);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(aside, UnixFileMode.UserRead | UnixFileMode.UserWrite | (file.EndsWith(".pem", StringComparison.Ordinal) ? UnixFileMode.GroupRead | UnixFileMode.OtherRead : 0));
        }

        try
        {
            File.Move(aside, file, overwrite);
            return true;
        }
        catch (IOException) when (!overwrite && File.Exists(file))
        {
            File.Delete(aside);
            return false;
        }
    }
}
