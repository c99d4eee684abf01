namespace Klaviyo.OAuth.Conformance.Targets;

/// <summary>The endpoint families an outage can take down.</summary>
public enum EndpointFamily
{
    Token,
    Revoke,
    Authorize,
    Api,
}
