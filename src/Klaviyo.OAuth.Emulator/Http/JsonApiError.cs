namespace Klaviyo.OAuth.Emulator.Http;

/// <summary>Klaviyo REST API errors, JSON:API style: {"errors":[{id,status,code,title,detail,source}]}.</summary>
internal static class JsonApiError
{
    public const string ContentType = "application/vnd.api+json";

    public const string NotAuthenticatedTitle = "Authentication credentials were not provided.";
    public const string AuthenticationFailedTitle = "Incorrect authentication credentials.";

    public static EmulatorResponse Of(int status, string code, string title, string detail, string outcome) =>
        new EmulatorResponse(
            status,
            ContentType,
            JsonText.Serialize(new
            {
                errors = new[]
                {
                    new
                    {
                        id = Guid.NewGuid().ToString(),
                        status,
                        code,
                        title,
                        detail,
                        source = new { pointer = "/data/" },
                    },
                },
            }),
            $"{status} {code}: {outcome}");
}
