namespace Klaviyo.OAuth.Guide;

/// <summary>Which of Klaviyo's endpoints a request went to, by path (host aside): what the guide's tips and rules are about.</summary>
public enum RequestKind
{
    /// <summary>Not one of Klaviyo's OAuth or API endpoints: no tip or rule is about it.</summary>
    Other,
    Token,
    Revoke,
    Authorize,
    ClientPage,
    Api,
}

/// <summary>The request kind of a path, once for the diagnosis and the client-conduct rules.</summary>
public static class RequestKinds
{
    public static RequestKind Of(string path) => path.TrimEnd('/') switch
    {
        "/oauth/token" => RequestKind.Token,
        "/oauth/revoke" => RequestKind.Revoke,
        "/oauth/authorize" => RequestKind.Authorize,
        "/oauth/client" => RequestKind.ClientPage,
        "/api" => RequestKind.Api,
        var p when p.StartsWith("/api/", StringComparison.Ordinal) => RequestKind.Api,
        _ => RequestKind.Other,
    };
}
