@needs-client @needs-redirect-uri @needs-approval
Feature: The code verifier (PKCE)
  Encodes the guide's tips "Invalid code verifier" and "Code challenge failed": a verifier must match
  ^[a-zA-Z0-9\-._~]{43,128}$, and its S256 hash must be the code_challenge the app sent when it asked
  for authorization.

  Background:
    Given an app registered with the target
    And an owner has approved the app's authorization request

  @token.pkce.challenge-failed @documented
  Scenario: A well-formed verifier that is not the one behind the challenge is refused
    When the app exchanges the authorization code with another well-formed code verifier
    Then the token endpoint refuses with 400 invalid_grant "Code challenge failed."

  @token.pkce.challenge-failed @documented
  Scenario: Sending the challenge itself as the verifier ("plain" instead of S256) is refused
    When the app exchanges the authorization code sending the challenge itself as the verifier
    Then the token endpoint refuses with 400 invalid_grant "Code challenge failed."

  @token.pkce.invalid-verifier @documented
  Scenario Outline: A code verifier of <length> characters is refused as invalid
    When the app exchanges the authorization code with a code verifier of <length> characters
    Then the token endpoint refuses the code verifier as invalid

    Examples:
      | length |
      | 42     |
      | 129    |

  @token.pkce.invalid-verifier @documented
  Scenario Outline: A code verifier containing <character> is refused as invalid
    When the app exchanges the authorization code with a code verifier containing <character>
    Then the token endpoint refuses the code verifier as invalid

    Examples:
      | character      |
      | a plus sign    |
      | a slash        |
      | an equals sign |
      | a space        |
