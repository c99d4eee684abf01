global using Klaviyo.OAuth.Conformance.Runner;
global using NUnit.Framework;
