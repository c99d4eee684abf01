namespace Klaviyo.OAuth.Guide.Traffic;

/// <summary>The kinds of capture <see cref="TrafficReader"/> understands.</summary>
public enum TrafficFormat
{
    /// <summary>An HTTP Archive, as browsers' developer tools, Charles, Fiddler and mitmproxy export it.</summary>
    Har,

    /// <summary>One or more curl command lines, as "Copy as cURL" produces them.</summary>
    Curl,

    /// <summary>A raw HTTP/1.1 request, optionally followed by its response.</summary>
    RawHttp,
}
