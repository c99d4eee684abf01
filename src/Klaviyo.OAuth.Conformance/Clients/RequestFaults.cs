using Klaviyo.OAuth.Conformance.Http;

namespace Klaviyo.OAuth.Conformance.Clients;

/// <summary>
/// How a token or revoke request departs, on purpose, from what the reference client sends: each a
/// mistake the guide describes. <see cref="None"/> is the conforming request.
/// </summary>
public sealed record RequestFaults
{
    public static RequestFaults None { get; } = new();

    /// <summary>How the client credentials are presented (the Basic header unless a mistake is chosen).</summary>
    public ClientCredentialStyle Credentials { get; init; } = ClientCredentialStyle.BasicHeader;

    /// <summary>The fields as a JSON object instead of a form.</summary>
    public bool BodyAsJson { get; init; }

    /// <summary>To the web host (www.klaviyo.com) instead of the API host (a.klaviyo.com).</summary>
    public bool ToWebHost { get; init; }
}
