namespace Klaviyo.OAuth.Conformance.SignIn;

/// <summary>The assisted sign-in could not get an approval: the message says why and what to do.</summary>
public sealed class SignInException(string message) : Exception(message);
