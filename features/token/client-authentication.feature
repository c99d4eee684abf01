@needs-client
Feature: Client authentication at the token endpoint
  Encodes the guide's "Invalid client" tips and the 401 row of "Call to oauth/token endpoint": the
  client must authenticate with the header Authorization: Basic base64(client_id:client_secret).

  Background:
    Given an app registered with the target

  @token.invalid-client @documented
  Scenario Outline: Client credentials sent <how> are refused as invalid_client
    When the app refreshes its access token, sending its client credentials <how>
    Then the token endpoint refuses with 401 invalid_client

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

  @rfc6749.www-authenticate @rfc-must
  Scenario: A refused Basic authentication asks for Basic authentication
    When the app refreshes its access token, sending its client credentials with a wrong secret
    Then the refusal asks for Basic authentication

  @rfc6749.json-errors @rfc-must
  Scenario: Token endpoint errors are JSON
    When the app refreshes its access token, sending its client credentials with a wrong secret
    Then the error is JSON

  @rfc6749.no-store @rfc-must
  Scenario: A token error response must not be cached
    When the app refreshes its access token, sending its client credentials with a wrong secret
    Then the response must not be cached
