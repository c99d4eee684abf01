global using FluentAssertions;
global using Klaviyo.OAuth.Conformance.EndToEndTests.Support;
global using NUnit.Framework;
