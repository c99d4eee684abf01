using Klaviyo.OAuth.Guide.Protocol;
using Klaviyo.OAuth.Guide.Redaction;
using Klaviyo.OAuth.Guide.Traffic;

namespace Klaviyo.OAuth.Guide.Diagnosis;

/// <summary>
/// The guide's troubleshooting half, executable: given one exchange (and, when known, what the
/// server knows), says why Klaviyo refuses or will refuse it, citing the tip and the behaviour.
/// </summary>
public sealed class Diagnostician(IServerKnowledge? server = null)
{
    private static readonly string[] WebHosts = ["www.klaviyo.com", "klaviyo.com"];

    /// <summary>Diagnoses one exchange. <paramref name="sentToWebHost"/> says which host got it, when the caller knows; otherwise the URL (and a 403 HTML answer) decides.</summary>
    public Diagnosis Diagnose(RecordedExchange exchange, bool? sentToWebHost = null)
    {
        ArgumentNullException.ThrowIfNull(exchange);
        var kind = KindOf(exchange.Url.AbsolutePath);
        var context = new DiagnosisContext(exchange, server, kind);
        switch (kind)
        {
            case RequestKind.Token or RequestKind.Revoke:
                TokenRequestCheck.Run(context, sentToWebHost ?? IsWebHost(exchange));
                break;
            case RequestKind.Api:
                ApiCallCheck.Run(context);
                break;
            case RequestKind.Authorize or RequestKind.ClientPage:
                WebPageCheck.Run(context);
                break;
        }

        return Redacted(context.ToDiagnosis());
    }

    /// <summary>
    /// Diagnoses a capture. A host that served /oauth/authorize or /oauth/client in it is a web
    /// host, so a capture made against an emulator on loopback ports is read right too.
    /// </summary>
    public IReadOnlyList<Diagnosis> DiagnoseAll(IReadOnlyList<RecordedExchange> exchanges)
    {
        ArgumentNullException.ThrowIfNull(exchanges);
        var webHosts = exchanges.Where(e => KindOf(e.Url.AbsolutePath) is RequestKind.Authorize or RequestKind.ClientPage)
            .Select(e => e.Url.Authority).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return [.. exchanges.Select(e => Diagnose(e, webHosts.Contains(e.Url.Authority) || IsWebHost(e)))];
    }

    public static RequestKind KindOf(string path) => RequestKinds.Of(path);

    private static bool IsWebHost(RecordedExchange exchange) =>
        WebHosts.Contains(exchange.Url.Host, StringComparer.OrdinalIgnoreCase)
        || (exchange.Response is { Status: 403 } response && response.ContentType == "text/html");

    // Details are written not to quote secrets; this is the net under that rule: every secret
    // the request carries is masked should a detail ever contain it.
    private static Diagnosis Redacted(Diagnosis diagnosis)
    {
        var redactor = new SecretRedactor();
        var exchange = diagnosis.Exchange;
        foreach (var header in exchange.RequestHeaders.GetValues("Authorization"))
        {
            var space = header.IndexOf(' ', StringComparison.Ordinal);
            redactor.Register(space < 0 ? header : header[(space + 1)..].Trim());
        }

        foreach (var source in new[] { exchange.RequestBodyText, exchange.Url.Query })
        {
            var fields = FormFields.Parse(source);
            foreach (var name in new[] { "client_secret", "refresh_token", "code", "code_verifier", "token" })
            {
                redactor.Register(fields[name]?.Trim());
            }
        }

        return diagnosis with
        {
            Findings = [.. diagnosis.Findings.Select(f => f with { Detail = redactor.Redact(f.Detail) })],
            Unknowns = [.. diagnosis.Unknowns.Select(redactor.Redact)],
        };
    }
}
