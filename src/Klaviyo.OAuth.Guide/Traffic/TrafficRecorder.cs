using System.Collections.Concurrent;

namespace Klaviyo.OAuth.Guide.Traffic;

/// <summary>
/// A handler to put under an app's HttpClient in its own tests: it records every request and its
/// answer as a <see cref="RecordedExchange"/>, so the app's traffic can be graded (or written as a
/// HAR with <see cref="HarWriter"/>) without a proxy.
/// </summary>
public sealed class TrafficRecorder : DelegatingHandler
{
    private readonly ConcurrentQueue<RecordedExchange> _exchanges = new();
    private readonly TimeProvider _time;

    public TrafficRecorder(HttpMessageHandler inner, TimeProvider? time = null)
        : base(inner)
    {
        _time = time ?? TimeProvider.System;
    }

    /// <summary>Everything recorded so far, in the order the requests were sent.</summary>
    public IReadOnlyList<RecordedExchange> Exchanges => [.. _exchanges.OrderBy(e => e.Time)];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var sentAt = _time.GetUtcNow();
        var requestBody = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var requestHeaders = Headers(request.Headers, request.Content?.Headers);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var responseBody = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        _exchanges.Enqueue(new RecordedExchange(
            sentAt, request.Method.Method, request.RequestUri!, requestHeaders, requestBody,
            new RecordedResponse((int)response.StatusCode, Headers(response.Headers, response.Content.Headers), responseBody)));
        return response;
    }

    private static RecordedHeaders Headers(System.Net.Http.Headers.HttpHeaders headers, System.Net.Http.Headers.HttpHeaders? content) =>
        new(headers.Concat(content ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>())
            .SelectMany(h => h.Value.Select(v => new KeyValuePair<string, string>(h.Key, v))));
}
