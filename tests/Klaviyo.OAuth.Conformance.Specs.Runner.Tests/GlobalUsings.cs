global using Klaviyo.OAuth.Conformance.Specs.Runner;
global using NUnit.Framework;
