namespace Klaviyo.OAuth.Emulator;

/// <summary>
/// How an emulator listens and the assumptions it makes where Klaviyo's guide is silent
/// (lifetimes, the exact rate window). Every default is documented in the emulator's README.
/// </summary>
/// <remarks>
/// Not documented by Klaviyo, and kept as the emulator has always answered: the 401 body for an
/// unknown, expired or revoked Bearer token (Klaviyo documents only the status; its code here is
/// the guide's authentication_failed), the revoke endpoint's answers (200 with an empty body; only
/// its URL is documented), the 403 body for a missing scope, and the answer to a missing or
/// malformed revision header. Their texts that vary are the options below marked "not documented".
/// </remarks>
public sealed class EmulatorOptions
{
    /// <summary>The API host (as a.klaviyo.com). Port 0 picks a free port.</summary>
    public string ApiUrl { get; set; } = "http://127.0.0.1:0";

    /// <summary>The web host (as www.klaviyo.com). Port 0 picks a free port.</summary>
    public string WebUrl { get; set; } = "http://127.0.0.1:0";

    /// <summary>
    /// Serve both hosts over TLS (<c>--https</c>) with a self-signed development certificate for
    /// 127.0.0.1, ::1 and localhost, made once and kept in <see cref="HttpsCertificateDirectory"/>;
    /// <see cref="KlaviyoEmulator.HttpsCertificate"/> says where and its fingerprint.
    /// </summary>
    public bool Https { get; set; }

    /// <summary>Where the development certificate is kept (<c>--https-cert-dir</c>); null: a folder under the system's temporary folder.</summary>
    public string? HttpsCertificateDirectory { get; set; }

    /// <summary>Serve the control API under /__control/ on the API host.</summary>
    public bool EnableControlApi { get; set; } = true;

    /// <summary>Not stated by the guide; 3600 s is what Klaviyo's token responses usually say.</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Not stated by the guide; codes are short-lived and single use.</summary>
    public TimeSpan AuthorizationCodeLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>A refresh token unused for more than this is refused ("expired due to inactivity").</summary>
    public TimeSpan RefreshTokenInactivityLimit { get; set; } = TimeSpan.FromDays(90);

    /// <summary>Uses of one refresh token allowed per <see cref="RefreshRateWindow"/>.</summary>
    public int RefreshRateLimit { get; set; } = 10;

    /// <summary>The sliding window of the refresh rate limit.</summary>
    public TimeSpan RefreshRateWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How long an expired or revoked token, or an expired code, is remembered after it stopped
    /// working. Within this time it is refused for its own reason ("has been revoked", expired);
    /// after it, the model forgets it and it counts as never issued, so memory stays flat.
    /// </summary>
    public TimeSpan ForgetAfter { get; set; } = TimeSpan.FromDays(1);

    /// <summary>JWT (today's Klaviyo tokens, about 536 characters) or the older opaque "kla_" + 40 characters.</summary>
    public AccessTokenFormat AccessTokenFormat { get; set; } = AccessTokenFormat.Jwt;

    /// <summary>The Bogus seed of the profiles, lists, metrics, events and account details the API shows.</summary>
    public int DataSeed { get; set; } = 20260501;

    /// <summary>errors[0].code of the 400 for a missing or malformed revision header (Klaviyo's text is not documented).</summary>
    public string RevisionErrorCode { get; set; } = "invalid";

    /// <summary>errors[0].title of the 400 for a missing or malformed revision header.</summary>
    public string RevisionErrorTitle { get; set; } = "Invalid input.";

    /// <summary>
    /// Status of the answer to a revision dated after today (the emulator's clock). Not documented:
    /// only a third party says Klaviyo refuses it ("unable to specify a future revision date").
    /// Its code and title are <see cref="RevisionErrorCode"/> and <see cref="RevisionErrorTitle"/>.
    /// </summary>
    public int FutureRevisionStatus { get; set; } = 400;

    /// <summary>errors[0].detail of the answer to a future revision (not documented; see <see cref="FutureRevisionStatus"/>).</summary>
    public string FutureRevisionDetail { get; set; } = "You cannot specify a future revision date.";

    /// <summary>
    /// Enforce Klaviyo's API rate limits per installed app and endpoint tier (a burst per second,
    /// a steady rate per minute): over them, a JSON:API 429 "throttled". Off by default, so that
    /// test suites are not throttled by surprise; the RateLimit-* headers are sent either way.
    /// </summary>
    public bool ApiRateLimits { get; set; }

    /// <summary>
    /// Send "Retry-After: 0" with a 429 that says "Expected available in 0 seconds". Off: Klaviyo was
    /// seen leaving the header out of such a 429; that it does so only for 0 is inferred (its
    /// framework sets the header only for a wait above zero).
    /// </summary>
    public bool RetryAfterOnZeroSecondThrottle { get; set; }

    /// <summary>errors[0].code of the 403 for a token without the resource's read scope (Klaviyo's text is not documented).</summary>
    public string ScopeErrorCode { get; set; } = "permission_denied";

    /// <summary>errors[0].title of the 403 for a token without the resource's read scope.</summary>
    public string ScopeErrorTitle { get; set; } = "You do not have permission to perform this action.";

    /// <summary>
    /// Add the findings' JSON to refusals as the X-Klaviyo-Emulator-Diagnosis header. Off by
    /// default, so that the wire stays Klaviyo's; the journal carries the findings either way.
    /// </summary>
    public bool DiagnosisHeader { get; set; }

    /// <summary>Apps registered at start with their own id, secret and redirect URI (<c>--client ID:SECRET:REDIRECT_URI</c>).</summary>
    public IList<EmulatedClient> Clients { get; } = [];

    /// <summary>
    /// Proxy mode: every API-host request but the control API's (token, revoke, /api/ and the rest)
    /// goes on to this upstream through WireMock's proxy, after any injected behaviour, and is
    /// journaled as always. The real Klaviyo is https://a.klaviyo.com. Null: the model answers.
    /// </summary>
    public string? UpstreamApiUrl { get; set; }

    /// <summary>
    /// Proxy mode for the web host: its requests go on to this upstream (an emulator or a compatible
    /// server; the real www.klaviyo.com does not survive a loopback proxy). Null: the model answers.
    /// </summary>
    public string? UpstreamWebUrl { get; set; }

    /// <summary>With <see cref="UpstreamApiUrl"/>: write the upstream's successful /api/ answers to this folder as WireMock mapping files.</summary>
    public string? RecordDirectory { get; set; }

    /// <summary>
    /// A folder of WireMock JSON mapping files (in it or in its __admin/mappings, bodies under its
    /// __files), served on the API host behind the model: after the OAuth checks under /api/,
    /// before the model's generated data.
    /// </summary>
    public string? MappingsDirectory { get; set; }

    /// <summary>With <see cref="MappingsDirectory"/>: load a mapping file again when it changes.</summary>
    public bool WatchMappings { get; set; }

    /// <summary>
    /// Let the control API and WireMock's admin API answer requests from other machines, and the API
    /// host bind an address other than loopback while they are on (<c>--allow-remote-control</c>).
    /// Off, they answer only loopback requests (403 otherwise): whoever reaches them can change every answer.
    /// </summary>
    public bool AllowRemoteControl { get; set; }

    /// <summary>Request bodies larger than this are refused with 400 invalid_request.</summary>
    public int MaxBodyBytes { get; set; } = 64 * 1024;

    internal void Validate()
    {
        if (EnableControlApi && !AllowRemoteControl && Uri.TryCreate(ApiUrl, UriKind.Absolute, out var api) && !api.IsLoopback)
        {
            throw new ArgumentException(
                $"The API host would listen on {api.Host}, not loopback, with the control API and the admin API on: anyone who reaches them can change every answer. "
                + "Add --allow-remote-control (AllowRemoteControl) if you mean it, or --no-control-api.");
        }

        foreach (var (name, url) in new[] { (nameof(ApiUrl), ApiUrl), (nameof(WebUrl), WebUrl) })
        {
            if (!Https && url.StartsWith("https:", StringComparison.OrdinalIgnoreCase))
            {
                throw new ArgumentException($"{name} '{url}' asks for TLS: turn on Https (--https), which serves both hosts with a development certificate.");
            }
        }

        if (HttpsCertificateDirectory is not null && !Https)
        {
            throw new ArgumentException("HttpsCertificateDirectory (--https-cert-dir) is where the --https certificate is kept: turn on Https too.");
        }

        if (AccessTokenLifetime <= TimeSpan.Zero || AuthorizationCodeLifetime <= TimeSpan.Zero
            || RefreshTokenInactivityLimit <= TimeSpan.Zero || RefreshRateWindow <= TimeSpan.Zero || ForgetAfter < TimeSpan.Zero)
        {
            throw new ArgumentException("Lifetimes and windows must be positive, and ForgetAfter zero or more.");
        }

        if (!Enum.IsDefined(AccessTokenFormat))
        {
            throw new ArgumentException($"AccessTokenFormat {AccessTokenFormat} is not a format.");
        }

        if (new[] { RevisionErrorCode, RevisionErrorTitle, ScopeErrorCode, ScopeErrorTitle }.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("The API's error codes and titles must not be empty.");
        }

        if (FutureRevisionStatus is < 400 or > 599 || string.IsNullOrWhiteSpace(FutureRevisionDetail))
        {
            throw new ArgumentException("FutureRevisionStatus must be an error status (400-599) and FutureRevisionDetail must not be empty.");
        }

        foreach (var (name, url) in new[] { (nameof(UpstreamApiUrl), UpstreamApiUrl), (nameof(UpstreamWebUrl), UpstreamWebUrl) })
        {
            if (url is not null && (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
            {
                throw new ArgumentException($"{name} '{url}' is not an absolute http:// or https:// URL.");
            }
        }

        if (RecordDirectory is not null && UpstreamApiUrl is null)
        {
            throw new ArgumentException("RecordDirectory records what an upstream answers: set UpstreamApiUrl too.");
        }

        if (RefreshRateLimit < 1 || MaxBodyBytes < 1)
        {
            throw new ArgumentException("RefreshRateLimit and MaxBodyBytes must be at least 1.");
        }
    }
}
