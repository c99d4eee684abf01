using Klaviyo.OAuth.Conformance.Http;
using Klaviyo.OAuth.Conformance.Targets;
using Klaviyo.OAuth.Guide;
using Reqnroll;

namespace Klaviyo.OAuth.Conformance.Suite.Steps;

/// <summary>Turns the domain phrases of the features into values: roles, credential mistakes, endpoint families.</summary>
[Binding]
public sealed class StepArguments
{
    [StepArgumentTransformation]
    public static UserRole Role(string role) => UserRoles.Parse(role);

    [StepArgumentTransformation]
    public static ClientCredentialStyle Credentials(string how) => how switch
    {
        "in the Basic header" => ClientCredentialStyle.BasicHeader,
        "without an Authorization header" => ClientCredentialStyle.NoHeader,
        "without base64 encoding" => ClientCredentialStyle.NotBase64Encoded,
        "base64 encoded without the colon" => ClientCredentialStyle.WithoutColon,
        "with the prefix Bearer instead of Basic" => ClientCredentialStyle.WrongPrefix,
        "as a bytes literal" => ClientCredentialStyle.BytesLiteral,
        "for a client id the target never issued" => ClientCredentialStyle.UnknownClientId,
        "with a wrong secret" => ClientCredentialStyle.WrongSecret,
        "in the form body instead of the header" => ClientCredentialStyle.InFormBody,
        "base64 encoded without the Basic scheme" => ClientCredentialStyle.NoScheme,
        _ => throw new ArgumentException($"No credential style is called '{how}'.", nameof(how)),
    };

    [StepArgumentTransformation]
    public static EndpointFamily Service(string service) => service switch
    {
        "token" => EndpointFamily.Token,
        "revoke" => EndpointFamily.Revoke,
        "authorization" => EndpointFamily.Authorize,
        "API" => EndpointFamily.Api,
        _ => throw new ArgumentException($"No service is called '{service}'.", nameof(service)),
    };
}
