@wiring
Feature: Wiring
  Proves the path from Gherkin to an HTTP target and back; replaced by the catalogue.

  Scenario: A token request without client credentials is refused as invalid_client
    Given a token endpoint that refuses unknown clients
    When the app requests a token without client credentials
    Then the token endpoint answers 401 with error "invalid_client"
