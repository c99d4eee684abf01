@needs-client @needs-refresh-token @destructive
Feature: Refresh token rate limit
  Encodes the guide's 429 row: "A refresh token can be used 10 times per minute maximum."

  Background:
    Given an app registered with the target
    And the app holds tokens an owner granted it
    And the app has refreshed its access token 10 times within a minute

  @token.refresh.rate-limited @documented
  Scenario: The 11th refresh with one refresh token within a minute is rate limited
    When the app refreshes its access token once more
    Then the token endpoint refuses with 429 rate_limit_exceeded "Rate limit exceeded for refresh token. Please try again after 1 minute."

  @token.refresh.rate-limited @documented @needs-approval
  Scenario: Other refresh tokens are not affected by one token's rate limit
    Given the app holds tokens from a second grant
    When the app refreshes with the refresh token of its second grant
    Then the token endpoint issues a new access token

  @token.refresh.rate-limited @documented @needs-a-minute
  Scenario: A rate-limited refresh token can be used again a minute later
    When the app refreshes its access token once more
    And a minute passes
    And the app refreshes its access token
    Then the token endpoint issues a new access token

  @rfc6585.retry-after @rfc-should
  Scenario: The rate-limit refusal says when to retry
    When the app refreshes its access token once more
    Then the refusal says when to retry
