using System.Globalization;
using Klaviyo.OAuth.Conformance.Clients;
using Klaviyo.OAuth.Conformance.Targets;
using Klaviyo.OAuth.Guide.Redaction;

namespace Klaviyo.OAuth.Conformance.SignIn;

/// <summary>
/// The suite as the app, with a person's help, against a target it cannot sign users in to: builds the
/// authorize URL (S256 PKCE, a state, the scopes), prints it whole and opens a browser where there is
/// one, then receives the redirect — on a loopback listener when the redirect URI is a loopback http
/// URL, otherwise from the URL the person pastes — and checks the state. One approval at a time; a
/// code the target did not spend on a refused exchange is handed out again instead of asking anew.
/// </summary>
public sealed class AssistedSignIn : IDisposable
{
    public const string Scope = ReferenceClient.Scope;

    private readonly ISignInConsole _console;
    private readonly SecretRedactor _redactor;
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);
    private readonly Lock _gate = new();
    private readonly List<ApprovedCode> _unspent = [];
    private int _approvals;
    private bool _targetSpendsRefusedCodes;
    private string? _gaveUp;

    public AssistedSignIn(ISignInConsole console, SecretRedactor redactor, TimeSpan? waitForEachApproval = null)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(redactor);
        _console = console;
        _redactor = redactor;
        WaitForEachApproval = waitForEachApproval ?? TimeSpan.FromMinutes(5);
    }

    /// <summary>How long the suite waits for the browser (or the pasted URL) after printing an authorize URL.</summary>
    public TimeSpan WaitForEachApproval { get; }

    /// <summary>How many times the person was asked to approve so far.</summary>
    public int Approvals
    {
        get
        {
            lock (_gate)
            {
                return _approvals;
            }
        }
    }

    /// <summary>Token sets the approvals produced, which belong to the run and are revoked when it ends.</summary>
    public ThrowawayTokens Throwaway { get; } = new();

    /// <summary>
    /// How many approvals the run will ask for (<see cref="ApprovalPlan"/> of the scenarios the target
    /// can run), set once the target is known; shown as "approval 2 of at most 3": codes and token sets a scenario left unused serve later ones, so a run may ask for fewer. Null when unknown.
    /// </summary>
    public int? ApprovalsPlanned { get; set; }

    public ISignInConsole Console => _console;

    /// <summary>
    /// An approved code for the app, for <paramref name="purpose"/>: a reusable one when there is one
    /// of the same challenge, else a new approval by the person.
    /// </summary>
    /// <param name="codeVerifier">The verifier to use (default: a fresh one); its S256 hash is the challenge unless <paramref name="codeChallenge"/> is given.</param>
    public async Task<ApprovedCode> ApproveAsync(Uri webBaseUrl, AppRegistration app, string purpose, string? codeVerifier = null, string? codeChallenge = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(webBaseUrl);
        ArgumentNullException.ThrowIfNull(app);
        await _oneAtATime.WaitAsync(cancellationToken);
        try
        {
            if (TakeUnspent(codeChallenge) is { } reused)
            {
                return reused;
            }

            if (_gaveUp is { } why)
            {
                // Nobody answered once: asking again would only make every remaining scenario wait as long.
                throw new SignInException($"No more approvals are asked for in this run: {why}");
            }

            var request = AuthorizationRequest.For(webBaseUrl, app, codeVerifier, codeChallenge);
            int approval;
            lock (_gate)
            {
                approval = ++_approvals;
            }

            var redirected = await ReceiveRedirectAsync(request, approval, purpose, cancellationToken);
            var code = CodeFrom(AuthorizationResponse.From(redirected), request, approval);
            _redactor.Register(code);
            _redactor.Register(request.CodeVerifier);
            return new ApprovedCode(code, request.CodeVerifier, request.CodeChallenge, request.State, approval);
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    /// <summary>The target refused an exchange of the code without spending it (as far as the suite can tell): it may serve another scenario.</summary>
    public void GiveBack(ApprovedCode code)
    {
        ArgumentNullException.ThrowIfNull(code);
        lock (_gate)
        {
            if (!_targetSpendsRefusedCodes)
            {
                _unspent.Add(code with { Reused = true });
            }
        }
    }

    /// <summary>A reused code was refused as invalid: this target spends codes on refused exchanges, so none is reused again.</summary>
    public void TargetSpendsRefusedCodes()
    {
        lock (_gate)
        {
            _targetSpendsRefusedCodes = true;
            _unspent.Clear();
        }
    }

    private ApprovedCode? TakeUnspent(string? codeChallenge)
    {
        lock (_gate)
        {
            var index = _unspent.FindIndex(c => codeChallenge is null || c.CodeChallenge == codeChallenge);
            if (index < 0)
            {
                return null;
            }

            var code = _unspent[index];
            _unspent.RemoveAt(index);
            return code;
        }
    }

    private async Task<Uri> ReceiveRedirectAsync(AuthorizationRequest request, int approval, string purpose, CancellationToken cancellationToken)
    {
        // The plan counts on refused codes being reused; when the target spends them, the total grows with each approval.
        var of = ApprovalsPlanned is { } planned ? string.Create(CultureInfo.InvariantCulture, $" of at most {Math.Max(planned, approval)}") : string.Empty;
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        waiting.CancelAfter(WaitForEachApproval);
        var listener = LoopbackRedirectListener.CanListenAt(request.RedirectUri) ? LoopbackRedirectListener.Start(request.RedirectUri) : null;
        try
        {
            _console.ShowLine($"Sign-in needed — approval {approval}{of}: {purpose}");
            _console.ShowLine("Open this URL, sign in to a test account (not the one your configured tokens belong to) and approve the app:");
            _console.ShowLine(request.Url.AbsoluteUri);
            var opened = _console.TryOpenBrowser(request.Url);
            if (listener is not null)
            {
                _console.ShowLine($"Waiting for the browser to come back to {request.RedirectUri}{(opened ? " (a browser was opened)" : string.Empty)} …");
                var received = await listener.ReceiveAsync(waiting.Token);
                _console.ShowLine($"Approval {approval} received.");
                return received;
            }

            var pasted = await _console.AskAsync($"Paste the URL your browser was sent to after approving (it starts with {request.RedirectUri}):", waiting.Token);
            if (pasted is null)
            {
                _gaveUp = $"the input ended before approval {approval}'s URL was pasted.";
                throw new SignInException($"Approval {approval} ({purpose}): the input ended before a URL was pasted.");
            }

            return Uri.TryCreate(pasted.Trim(), UriKind.Absolute, out var uri)
                ? uri
                : throw new SignInException($"Approval {approval} ({purpose}): what was pasted is not a URL; paste the whole address the browser shows after approving.");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            _gaveUp = $"approval {approval} got no redirect within {WaitForEachApproval.TotalMinutes:0.#} minutes.";
            throw new SignInException($"Approval {approval} ({purpose}): no redirect within {WaitForEachApproval.TotalMinutes:0.#} minutes.");
        }
        finally
        {
            if (listener is not null)
            {
                await listener.DisposeAsync();
            }
        }
    }

    private static string CodeFrom(AuthorizationResponse response, AuthorizationRequest request, int approval)
    {
        if (!request.IsAnsweredBy(response))
        {
            throw new SignInException(
                $"Approval {approval}: the redirect's state is not the one the suite sent, so it does not answer this authorization request (a stale tab, or a URL from another run). Approve again from the URL just printed.");
        }

        if (response.Error is { } error)
        {
            throw new SignInException($"Approval {approval}: the target sent the browser back with error={error}{(response.ErrorDescription is { } why ? $" ({why})" : string.Empty)} instead of a code.");
        }

        return response.Code ?? throw new SignInException($"Approval {approval}: the redirect carries no code.");
    }

    public void Dispose() => _oneAtATime.Dispose();
}
