using System.Text.Json;
using Klaviyo.OAuth.Guide.Protocol;
using Klaviyo.OAuth.Guide.Traffic;

namespace Klaviyo.OAuth.Guide.Conduct;

/// <summary>
/// One recorded request of an app, read the way the conduct rules need it: which endpoint, on
/// which host, its form and query parameters, and the error code it got.
/// </summary>
public sealed class AppRequest
{
    private readonly Lazy<FormFields> form;
    private readonly Lazy<FormFields> query;
    private readonly Lazy<string?> errorCode;

    internal AppRequest(int index, RecordedExchange exchange, bool onWebHost)
    {
        Index = index;
        Exchange = exchange;
        OnWebHost = onWebHost;
        Kind = KindOf(exchange.Url.AbsolutePath);
        form = new(() => exchange.ContentType == "application/x-www-form-urlencoded" ? FormFields.Parse(exchange.RequestBodyText) : FormFields.Empty);
        query = new(() => FormFields.Parse(exchange.Url.Query));
        errorCode = new(() => ErrorCodeOf(exchange.Response));
    }

    /// <summary>Position in the app's traffic, from 1.</summary>
    public int Index { get; }

    public RecordedExchange Exchange { get; }

    public RequestKind Kind { get; }

    /// <summary>Sent to the web host (www.klaviyo.com, klaviyo.com, or the emulator's web host).</summary>
    public bool OnWebHost { get; }

    public DateTimeOffset? Time => Exchange.Time;

    public int? Status => Exchange.Response?.Status;

    /// <summary>The urlencoded body's parameters (empty for any other body).</summary>
    public FormFields Form => form.Value;

    public FormFields Query => query.Value;

    /// <summary>A parameter from the form body or, failing that, the query string.</summary>
    public string? Parameter(string name) => Form[name] ?? Query[name];

    /// <summary>The OAuth "error" or the first JSON:API error "code" of the answer, or null.</summary>
    public string? ErrorCode => errorCode.Value;

    public bool IsRefresh => Kind == RequestKind.Token && Parameter("grant_type") == "refresh_token";

    public bool IsCodeExchange => Kind == RequestKind.Token && Parameter("grant_type") == "authorization_code";

    /// <summary>The refresh token a refresh request used, or null.</summary>
    public string? RefreshToken => IsRefresh ? Parameter("refresh_token") : null;

    /// <summary>The path, e.g. /oauth/token: what "the same endpoint" means for retries.</summary>
    public string Endpoint => Exchange.Url.AbsolutePath;

    private static RequestKind KindOf(string path) => RequestKinds.Of(path);

    private static string? ErrorCodeOf(RecordedResponse? response)
    {
        if (response is null || response.Body.IsEmpty || response.ContentType is not { } type || !type.Contains("json", StringComparison.Ordinal))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(response.Body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            if (root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.String)
            {
                return error.GetString();
            }

            if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array
                && errors.GetArrayLength() > 0 && errors[0].ValueKind == JsonValueKind.Object
                && errors[0].TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.String)
            {
                return code.GetString();
            }

            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
