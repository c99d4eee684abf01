using FluentAssertions;
using Klaviyo.OAuth.Conformance.Specs.Drivers;
using Reqnroll;

namespace Klaviyo.OAuth.Conformance.Specs.Steps;

[Binding]
public sealed class WiringSteps(WiringDriver driver)
{
    [Given("a token endpoint that refuses unknown clients")]
    public void GivenATokenEndpointThatRefusesUnknownClients() => driver.TokenEndpointRefusesUnknownClients();

    [When("the app requests a token without client credentials")]
    public Task WhenTheAppRequestsATokenWithoutClientCredentials() => driver.PostTokenRequestWithoutCredentialsAsync();

    [Then("the token endpoint answers {int} with error {string}")]
    public async Task ThenTheTokenEndpointAnswers(int status, string error)
    {
        var response = driver.LastResponse!;
        ((int)response.StatusCode).Should().Be(status);
        (await response.Content.ReadAsStringAsync()).Should().Contain($"\"error\":\"{error}\"");
    }
}
