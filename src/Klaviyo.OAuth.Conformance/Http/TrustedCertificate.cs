using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Klaviyo.OAuth.Conformance.Http;

/// <summary>
/// A certificate the target's HTTPS may chain to besides the system's trusted roots (the
/// <c>TrustedCertificate</c> setting): the self-signed one <c>emulate --https</c> prints, or a staging
/// gateway's own CA. Only the chain gains a root; a certificate for another host name is still refused.
/// </summary>
public static class TrustedCertificate
{
    /// <summary>Why the file cannot serve, in one sentence naming what to give; null when it can.</summary>
    public static string? Problem(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            return Directory.Exists(path)
                ? $"{path} is a folder: give the certificate file in it (emulate --https prints its .pem path)."
                : $"{path} does not exist: give the certificate file (emulate --https prints its .pem path).";
        }

        try
        {
            using var _ = Load(path);
            return null;
        }
        catch (CryptographicException)
        {
            return $"{path} is not a certificate: give a PEM (-----BEGIN CERTIFICATE-----) or DER certificate file.";
        }
    }

    /// <exception cref="CryptographicException">The file holds no certificate.</exception>
    public static X509Certificate2 Load(string path) => X509CertificateLoader.LoadCertificateFromFile(path);

    /// <summary>Accepts what the system accepts, and a chain that only the trusted certificate completes; never a name mismatch.</summary>
    public static RemoteCertificateValidationCallback AlsoTrusting(X509Certificate2 trusted)
    {
        ArgumentNullException.ThrowIfNull(trusted);
        return (_, certificate, _, errors) =>
        {
            if (errors == SslPolicyErrors.None)
            {
                return true;
            }

            if (errors != SslPolicyErrors.RemoteCertificateChainErrors || certificate is null)
            {
                return false;
            }

            using var chain = new X509Chain();
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.Add(trusted);
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            using var presented = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
            return chain.Build(presented);
        };
    }
}
