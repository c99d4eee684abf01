@needs-client
Feature: Token endpoint availability and host
  Encodes the guide's 503 row ("OAuth service is temporarily unavailable") and its tip "403 HTML on
  /token or /revoke": token requests sent to www.klaviyo.com instead of a.klaviyo.com get the CDN's
  403 page.

  Background:
    Given an app registered with the target

  @token.unavailable @documented @needs-outage @needs-refresh-token
  Scenario: While the OAuth service is down, the token endpoint answers 503
    Given the app holds tokens an owner granted it
    And the token service is down
    When the app refreshes its access token
    Then the token service answers 503 Service Unavailable

  @token.wrong-host @documented
  Scenario: A token request sent to the web host gets the CDN's 403 page
    When the app posts its token request to the web host instead of the API host
    Then the web host answers with the CDN's 403 error page
