namespace Klaviyo.OAuth.Emulator;

/// <summary>The shape of the access tokens an emulator issues.</summary>
public enum AccessTokenFormat
{
    /// <summary>Today's Klaviyo tokens: a signed JWT (HS256) of about 536 characters, starting "eyJhbGci".</summary>
    Jwt,

    /// <summary>The older opaque shape: "kla_" followed by 40 base64url characters.</summary>
    Opaque,
}
