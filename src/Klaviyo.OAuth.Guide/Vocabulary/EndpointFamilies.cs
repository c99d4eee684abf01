namespace Klaviyo.OAuth.Guide;

/// <summary>Endpoint families by their wire names (<c>token</c>, <c>revoke</c>, <c>authorize</c>, <c>api</c>), as the control API's routes spell them.</summary>
public static class EndpointFamilies
{
    /// <summary>The wire names of all families, for messages that list them.</summary>
    public static string WireNameList => string.Join(", ", Enum.GetValues<EndpointFamily>().Select(ToWireName));

    public static string ToWireName(this EndpointFamily family) => family switch
    {
        EndpointFamily.Token => "token",
        EndpointFamily.Revoke => "revoke",
        EndpointFamily.Authorize => "authorize",
        EndpointFamily.Api => "api",
        _ => throw new ArgumentOutOfRangeException(nameof(family), family, null),
    };

    /// <summary>The family a wire name names exactly, or null.</summary>
    public static EndpointFamily? FromWireName(string? name) => name switch
    {
        "token" => EndpointFamily.Token,
        "revoke" => EndpointFamily.Revoke,
        "authorize" => EndpointFamily.Authorize,
        "api" => EndpointFamily.Api,
        _ => null,
    };
}
