@needs-client
Feature: Revoking a refresh token
  Encodes the guide's "Call to oauth/revoke endpoint" table (note: invalid_client is 400 here, 401
  on /oauth/token) and RFC 7009's answer for tokens that do not exist.

  Background:
    Given an app registered with the target

  @revoke.succeeds @baseline @destructive @needs-refresh-token
  Scenario: Revoking a refresh token that refreshed succeeds, and the token can no longer be used
    Given the app holds tokens an owner granted it
    When the app refreshes its access token
    Then the token endpoint issues a new access token
    When the app revokes its refresh token
    Then the revoke endpoint accepts the request
    When the app refreshes its access token
    Then the token endpoint refuses with 400 invalid_grant "Refresh token has been revoked"

  @revoke.invalid-client @documented
  Scenario Outline: Revoking with client credentials sent <how> is refused as invalid_client
    When the app revokes its refresh token, sending its client credentials <how>
    Then the revoke endpoint refuses with 400 invalid_client

    Examples:
      | how                                      |
      | without an Authorization header          |
      | without base64 encoding                  |
      | base64 encoded without the colon         |
      | with the prefix Bearer instead of Basic  |
      | as a bytes literal                       |
      | for a client id the target never issued  |
      | with a wrong secret                      |
      | in the form body instead of the header   |
      | base64 encoded without the Basic scheme  |

  @revoke.invalid-request @documented
  Scenario: A revoke request sent as JSON instead of a form is refused as invalid_request
    When the app sends its revoke request as JSON instead of a form
    Then the revoke endpoint refuses with 400 invalid_request

  @revoke.invalid-request @documented
  Scenario: A revoke request without a token is refused as invalid_request
    When the app sends a revoke request without a token
    Then the revoke endpoint refuses with 400 invalid_request

  @revoke.unavailable @documented @needs-outage @needs-refresh-token
  Scenario: While the OAuth service is down, the revoke endpoint answers 503
    Given the app holds tokens an owner granted it
    And the revoke service is down
    When the app revokes its refresh token
    Then the revoke service answers 503 Service Unavailable

  @rfc7009.unknown-token @rfc-should
  Scenario: Revoking a token that does not exist answers 200
    When the app revokes a token that was never issued
    Then the revoke endpoint accepts the request
