using System.Text;
using Klaviyo.OAuth.Emulator.Http;
using Klaviyo.OAuth.Emulator.Model;
using Klaviyo.OAuth.Guide.Diagnosis;
using Klaviyo.OAuth.Guide.Traffic;

namespace Klaviyo.OAuth.Emulator.Diagnosis;

/// <summary>
/// Explains what the emulator just answered: the client the request belongs to (the one the
/// endpoint served, else the one the request carries, see <see cref="RequestOwner"/>) and, for a
/// refusal, the findings of the guide's diagnosis engine, given the model's knowledge.
/// </summary>
internal sealed class RefusalDiagnosis(Emulation emulation)
{
    private readonly Diagnostician _diagnostician = new(new EmulationKnowledge(emulation));

    public (string? ClientId, IReadOnlyList<FindingReport> Findings) Explain(Uri hostBaseUrl, bool webHost, EmulatorRequest request, EmulatorResponse response)
    {
        if (Diagnostician.KindOf(request.Path) == RequestKind.Other)
        {
            return (null, []);
        }

        // A success is explained by nothing: the app is the one the model recognised, and the
        // model has moved on (a code is spent), so findings would be about a state the request did not meet.
        var recognised = response.ClientId ?? RequestOwner.ClientOf(emulation, request);
        if (response.Status < 400)
        {
            return (recognised, []);
        }

        var target = request.RawQuery.Length == 0 ? request.Path : request.Path + "?" + request.RawQuery;
        var headers = new RecordedHeaders(request.Headers.SelectMany(h => h.Value.Select(v => KeyValuePair.Create(h.Key, v))));
        var answer = new RecordedResponse(
            response.Status,
            new RecordedHeaders(response.Headers.Append(KeyValuePair.Create("Content-Type", response.ContentType ?? string.Empty))),
            Encoding.UTF8.GetBytes(response.Body));
        var exchange = new RecordedExchange(null, request.Method, new Uri(hostBaseUrl, target), headers, request.Body, answer);
        var diagnosis = _diagnostician.Diagnose(exchange, webHost);
        return (diagnosis.ClientId ?? recognised, [.. diagnosis.Findings.Select(FindingReport.From)]);
    }
}
