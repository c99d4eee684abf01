namespace Klaviyo.OAuth.Guide.Conduct;

/// <summary>Which of Klaviyo's endpoints a recorded request went to, by path (host aside).</summary>
public enum RequestKind
{
    Other,
    Token,
    Revoke,
    Authorize,
    Api,
}
