@needs-client
Feature: Token endpoint availability
  Encodes the guide's 503 row ("OAuth service is temporarily unavailable").

  Background:
    Given an app registered with the target

  @token.unavailable @documented @needs-outage @needs-refresh-token
  Scenario: While the OAuth service is down, the token endpoint answers 503
    Given the app holds tokens an owner granted it
    And the token service is down
    When the app refreshes its access token
    Then the token service answers 503 Service Unavailable
