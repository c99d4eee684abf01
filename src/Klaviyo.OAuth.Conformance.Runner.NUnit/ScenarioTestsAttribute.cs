using NUnit.Framework;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;
using NUnit.Framework.Internal.Builders;

namespace Klaviyo.OAuth.Conformance.Runner;

/// <summary>
/// Builds one NUnit test per scenario of the fixture's feature, named after the scenario, with every
/// tag (feature, rule, scenario, examples) as a category; a file that does not parse becomes one
/// failing test that names the file, line and the parser's message.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class ScenarioTestsAttribute : NUnitAttribute, ITestBuilder
{
    private readonly NUnitTestCaseBuilder _builder = new();

    public IEnumerable<TestMethod> BuildFrom(IMethodInfo method, Test? suite)
    {
        var feature = suite?.Arguments.OfType<FeatureFile>().FirstOrDefault();
        if (feature is null)
        {
            yield break;
        }

        if (feature.ParseError is not null)
        {
            var broken = new TestCaseParameters([null]) { TestName = feature.BrokenTestName };
            foreach (var tag in feature.BrokenTestCategories)
            {
                broken.Properties.Add(PropertyNames.Category, tag);
            }

            yield return _builder.BuildTestMethod(method, suite, broken);
            yield break;
        }

        var selection = ScenarioSelectionAttribute.Of((suite?.TypeInfo ?? method.TypeInfo).Assembly, context: null);
        foreach (var scenario in feature.Scenarios.Where(selection.Matches))
        {
            var parameters = new TestCaseParameters([scenario]) { TestName = scenario.TestName };
            foreach (var tag in scenario.AllTags)
            {
                parameters.Properties.Add(PropertyNames.Category, tag);
            }

            if (scenario.Description.Length > 0)
            {
                parameters.Properties.Set(PropertyNames.Description, scenario.Description);
            }

            yield return _builder.BuildTestMethod(method, suite, parameters);
        }
    }
}
