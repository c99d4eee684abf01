@needs-client
Feature: Grant type
  Encodes the guide's "Invalid grant type" tip and the unsupported_grant_type row: grant_type must
  be authorization_code or refresh_token, sent as application/x-www-form-urlencoded. The grant type is
  refused before any token is looked at, so these need only the app's id and secret.

  Background:
    Given an app registered with the target

  @token.unsupported-grant-type @documented
  Scenario: A token request without a grant type is refused as unsupported_grant_type
    When the app requests a token without a grant type
    Then the token endpoint refuses with 400 unsupported_grant_type

  @token.unsupported-grant-type @documented
  Scenario Outline: A token request with the grant type "<grant type>" is refused as unsupported_grant_type
    When the app requests a token with the grant type "<grant type>"
    Then the token endpoint refuses with 400 unsupported_grant_type

    Examples:
      | grant type         |
      | password           |
      | client_credentials |
      | refresh-token      |

  @token.unsupported-grant-type @documented
  Scenario: A refresh request sent as JSON instead of a form is refused as unsupported_grant_type
    When the app sends its refresh request as JSON instead of a form
    Then the token endpoint refuses with 400 unsupported_grant_type
