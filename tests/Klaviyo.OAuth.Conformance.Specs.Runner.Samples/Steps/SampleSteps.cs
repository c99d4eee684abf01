using NUnit.Framework;
using Reqnroll;

namespace Klaviyo.OAuth.Conformance.Specs.Runner.Samples.Steps;

[Binding]
public sealed class SampleSteps
{
    private int _counter;
    private string _text = string.Empty;
    private Table? _rows;

    [Given("a counter starting at {int}")]
    public void GivenACounterStartingAt(int start) => _counter = start;

    [Given("the counter is doubled")]
    public void GivenTheCounterIsDoubled() => _counter *= 2;

    [When("{int} is added")]
    public void WhenIsAdded(int amount) => _counter += amount;

    [Then("the counter is {int}")]
    public void ThenTheCounterIs(int expected) => Assert.That(_counter, Is.EqualTo(expected), "counter");

    [Given("the text")]
    public void GivenTheText(string docString) => _text = docString;

    [Then("the text has {int} lines")]
    public void ThenTheTextHasLines(int lines) => Assert.That(_text.Split('\n'), Has.Length.EqualTo(lines));

    [Given("the rows")]
    public void GivenTheRows(Table rows) => _rows = rows;

    [Then("there are {int} rows, the first named {string}")]
    public void ThenThereAreRows(int count, string first)
    {
        Assert.That(_rows!.RowCount, Is.EqualTo(count));
        Assert.That(_rows.Rows[0]["name"], Is.EqualTo(first));
    }

    [Given("a step that is still pending")]
    public static void GivenAStepThatIsStillPending() => throw new PendingStepException();

    [Given("a step that two bindings match")]
    public static void GivenAStepThatTwoBindingsMatch()
    {
    }

    [Given(@"^a step that two bindings (\w+)$")]
    public static void GivenAStepThatTwoBindingsMatchToo(string word) => Assert.That(word, Is.Not.Empty);
}
