@needs-client
Feature: Refreshing the access token
  Encodes the refresh rows of the guide's "Call to oauth/token endpoint" table and its "Error
  descriptions for invalid refresh token": a refresh token that is missing, revoked, never issued
  or unused for more than 90 days is refused, each with its own error_description.

  Background:
    Given an app registered with the target

  @token.refresh.succeeds @baseline @needs-refresh-token
  Scenario: Refreshing with a valid refresh token issues a new access token and keeps the refresh token usable
    Given the app holds tokens an owner granted it
    When the app refreshes its access token
    Then the token endpoint issues a new access token
    And the refresh token can still be used

  @token.refresh.missing-token @documented
  Scenario: A refresh request without a refresh token is refused as invalid_request
    When the app sends a refresh request without a refresh token
    Then the token endpoint refuses with 400 invalid_request "Missing "refresh_token" in request."

  @token.refresh.revoked @documented @destructive @needs-refresh-token
  Scenario: A refresh token that refreshed is refused as revoked once the app revoked it
    Given the app holds tokens an owner granted it
    When the app refreshes its access token
    Then the token endpoint issues a new access token
    When the app's refresh token is revoked
    And the app refreshes its access token
    Then the token endpoint refuses with 400 invalid_grant "Refresh token has been revoked"

  @token.refresh.revoked @documented @needs-uninstall @needs-refresh-token
  Scenario: A refresh token that refreshed is refused as revoked once the customer removed the app
    Given the app holds tokens an owner granted it
    When the app refreshes its access token
    Then the token endpoint issues a new access token
    When the customer removes the app from their account
    And the app refreshes its access token
    Then the token endpoint refuses with 400 invalid_grant "Refresh token has been revoked"

  @token.refresh.not-found @documented
  Scenario: Refreshing with a refresh token that was never issued is refused as not existing
    When the app refreshes with a refresh token that was never issued
    Then the token endpoint refuses with 400 invalid_grant "Refresh token does not exist"

  @token.refresh.not-found @documented @needs-refresh-token
  Scenario: Refreshing with a truncated refresh token is refused as not existing
    Given the app holds tokens an owner granted it
    When the app refreshes with its refresh token truncated
    Then the token endpoint refuses with 400 invalid_grant "Refresh token does not exist"

  @token.refresh.not-found @documented @needs-refresh-token
  Scenario: Refreshing with a refresh token with one character changed is refused as not existing
    Given the app holds tokens an owner granted it
    When the app refreshes with its refresh token with one character changed
    Then the token endpoint refuses with 400 invalid_grant "Refresh token does not exist"

  @token.refresh.inactive @documented @needs-clock @needs-refresh-token
  Scenario: A refresh token unused for 91 days is refused as expired due to inactivity
    Given the app holds tokens an owner granted it
    And the app's refresh token has not been used for 91 days
    When the app refreshes its access token
    Then the token endpoint refuses with 400 invalid_grant "Refresh token expired due to inactivity"

  @token.refresh.inactive @documented @needs-clock @needs-refresh-token
  Scenario: Using a refresh token on day 89 keeps it alive for another 90 days
    Given the app holds tokens an owner granted it
    When 89 days pass
    And the app refreshes its access token
    Then the token endpoint issues a new access token
    When another 89 days pass
    And the app refreshes its access token
    Then the token endpoint issues a new access token
