namespace Klaviyo.OAuth.Guide;

/// <summary>The endpoint families an outage can take down.</summary>
public enum EndpointFamily
{
    /// <summary>POST /oauth/token on the API host.</summary>
    Token,

    /// <summary>POST /oauth/revoke on the API host.</summary>
    Revoke,

    /// <summary>/oauth/authorize on the web host.</summary>
    Authorize,

    /// <summary>Everything under /api/ on the API host.</summary>
    Api,
}
