using Klaviyo.OAuth.Guide.Traffic;

namespace Klaviyo.OAuth.Guide.Diagnosis;

/// <summary>What one check reads and writes: the exchange, the server's knowledge if any, and the findings so far.</summary>
internal sealed class DiagnosisContext(RecordedExchange exchange, IServerKnowledge? server, RequestKind kind)
{
    private readonly List<Finding> findings = [];
    private readonly List<string> unknowns = [];

    public RecordedExchange Exchange { get; } = exchange;

    public IServerKnowledge? Server { get; } = server;

    public RequestKind Kind { get; } = kind;

    public RecordedResponse? Response => Exchange.Response;

    /// <summary>The client the request names (Basic header or form), once known.</summary>
    public string? ClientId { get; set; }

    public (string? Error, string? Description) Said { get; } = ResponseError.Read(exchange.Response);

    public IReadOnlyList<Finding> Findings => findings;

    public IReadOnlyList<string> Unknowns => unknowns;

    public bool Has(string findingPrefix) => findings.Any(f => f.Id.StartsWith(findingPrefix, StringComparison.Ordinal));

    /// <summary>Adds a finding; the behaviour is the kind's for this endpoint unless given.</summary>
    public void Add(string findingId, string detail, string? behaviourId = null)
    {
        var kind = FindingCatalogue.Get(findingId);
        var behaviour = behaviourId ?? (Kind == RequestKind.Revoke && kind.RevokeBehaviourId is not null ? kind.RevokeBehaviourId : kind.TokenBehaviourId);
        findings.Add(new Finding(kind, behaviour, detail));
    }

    public void CannotKnow(string what) => unknowns.Add(what);

    public Diagnosis ToDiagnosis() => new(Exchange, Kind, [.. findings], [.. unknowns]) { ClientId = ClientId };
}
