using NUnit.Framework;

namespace Klaviyo.OAuth.Conformance.Floor;

/// <summary>One test that asserts something trivially true: the process around it is what is timed.</summary>
public sealed class OneTest
{
    [Test]
    public void Passes() => Assert.That(1 + 1, Is.EqualTo(2));
}
