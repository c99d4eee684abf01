using Klaviyo.OAuth.Conformance.Http;
using Klaviyo.OAuth.Conformance.Targets;

namespace Klaviyo.OAuth.Conformance.Suite.Drivers;

/// <summary>
/// The app a scenario plays: its registration, the user who approves it, what it holds (a pending
/// authorization, tokens), and the last exchange it had with the target. One per scenario.
/// </summary>
public sealed class AppUnderTest
{
    private HttpExchange? _lastExchange;

    public AppRegistration? Registration { get; set; }

    public SignedInUser? User { get; set; }

    public PendingAuthorization? Authorization { get; set; }

    public TokenSet? Tokens { get; set; }

    /// <summary>A second grant of the same app, for "other refresh tokens are unaffected".</summary>
    public TokenSet? OtherTokens { get; set; }

    public HttpExchange LastExchange =>
        _lastExchange ?? throw new InvalidOperationException("No request has been sent yet: a 'When' step must come before this 'Then'.");

    public void Record(HttpExchange exchange) => _lastExchange = exchange;
}
