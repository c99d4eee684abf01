namespace Klaviyo.OAuth.Emulator;

/// <summary>
/// The self-signed development certificate both hosts serve with <see cref="EmulatorOptions.Https"/>.
/// </summary>
/// <param name="Path">The certificate alone, PEM-encoded: what a client is told to trust (Node's <c>ca</c>, <c>NODE_EXTRA_CA_CERTS</c>, curl's <c>--cacert</c>).</param>
/// <param name="Sha256Fingerprint">Its SHA-256 fingerprint as browsers and openssl show it (upper-case hex pairs joined by colons).</param>
public sealed record EmulatorCertificate(string Path, string Sha256Fingerprint);
