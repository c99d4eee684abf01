@engine
Feature: Diagnosing a refused refresh
  "If your request looks correct, the refresh token is invalid because it is expired or revoked":
  with the server's records the diagnosis says which, and how a mistyped token differs.

  @tip.refresh-token-invalid @finding-refresh-token-refused
  Scenario: invalid_grant on a well-formed refresh, from the server's answer alone
    When this request is diagnosed:
      """
      POST /oauth/token HTTP/1.1
      Host: a.klaviyo.com
      Authorization: Basic YXBwMWNsaWVudDpzM2NyZXQtdmFsdWUtMTIzNDU2
      Content-Type: application/x-www-form-urlencoded

      grant_type=refresh_token&refresh_token=klr_RefreshTokenOfTheAppNumberOne0123456789

      HTTP/1.1 400 Bad Request
      Content-Type: application/json

      {"error":"invalid_grant","error_description":"Refresh token expired due to inactivity"}
      """
    Then the diagnosis is finding-refresh-token-refused, citing token.refresh.inactive

  @finding-refresh-token-missing
  Scenario: No refresh token in the body
    When this request is diagnosed:
      """
      curl https://a.klaviyo.com/oauth/token -u app1client:s3cret-value-123456 -d 'grant_type=refresh_token'
      """
    Then the diagnosis is finding-refresh-token-missing, citing token.refresh.missing-token

  @tip.refresh-token-invalid @finding-refresh-token-unknown
  Scenario: A refresh token never issued
    Given the server issued client "app1client" with secret "s3cret-value-123456"
    And the server issued refresh token "klr_RefreshTokenOfTheAppNumberOne0123456789" to "app1client" 3 days ago, last used 0 days ago
    When this request is diagnosed:
      """
      curl https://a.klaviyo.com/oauth/token -u app1client:s3cret-value-123456 -d 'grant_type=refresh_token&refresh_token=klr_SomethingNeverIssued0000000000000000000'
      """
    Then the diagnosis is finding-refresh-token-unknown, citing token.refresh.not-found

  @tip.refresh-token-invalid @finding-refresh-token-truncated
  Scenario: A truncated refresh token
    Given the server issued client "app1client" with secret "s3cret-value-123456"
    And the server issued refresh token "klr_RefreshTokenOfTheAppNumberOne0123456789" to "app1client" 3 days ago, last used 0 days ago
    When this request is diagnosed:
      """
      curl https://a.klaviyo.com/oauth/token -u app1client:s3cret-value-123456 -d 'grant_type=refresh_token&refresh_token=klr_RefreshTokenOfTheAppNumberOne01234'
      """
    Then the diagnosis is finding-refresh-token-truncated under tip.refresh-token-invalid
    And the detail says "the first 38 characters of one issued on 2026-11-26 12:00:00 UTC"

  @tip.refresh-token-invalid @finding-refresh-token-one-character
  Scenario: A refresh token with one character changed
    Given the server issued client "app1client" with secret "s3cret-value-123456"
    And the server issued refresh token "klr_RefreshTokenOfTheAppNumberOne0123456789" to "app1client" 3 days ago, last used 0 days ago
    When this request is diagnosed:
      """
      curl https://a.klaviyo.com/oauth/token -u app1client:s3cret-value-123456 -d 'grant_type=refresh_token&refresh_token=klr_RefreshTokenOfTheAppNumberOne0123456780'
      """
    Then the diagnosis is finding-refresh-token-one-character under tip.refresh-token-invalid
    And the detail says "position 43"

  @tip.refresh-token-invalid @finding-refresh-token-padded
  Scenario: Quotes around the refresh token
    When this request is diagnosed:
      """
      curl https://a.klaviyo.com/oauth/token -u app1client:s3cret-value-123456 --data-urlencode 'grant_type=refresh_token' --data-urlencode 'refresh_token="klr_RefreshTokenOfTheAppNumberOne0123456789"'
      """
    Then the diagnosis is finding-refresh-token-padded under tip.refresh-token-invalid

  @tip.refresh-token-invalid @finding-refresh-token-revoked
  Scenario: A refresh token revoked when the customer removed the app
    Given the server issued client "app1client" with secret "s3cret-value-123456"
    And the server issued refresh token "klr_RefreshTokenOfTheAppNumberOne0123456789" to "app1client" 3 days ago, last used 0 days ago
    And refresh token "klr_RefreshTokenOfTheAppNumberOne0123456789" was "revoked when the customer removed the app"
    When this request is diagnosed:
      """
      curl https://a.klaviyo.com/oauth/token -u app1client:s3cret-value-123456 -d 'grant_type=refresh_token&refresh_token=klr_RefreshTokenOfTheAppNumberOne0123456789'
      """
    Then the diagnosis is finding-refresh-token-revoked, citing token.refresh.revoked
    And the detail says "revoked when the customer removed the app on 2026-11-28"

  @tip.refresh-token-invalid @finding-refresh-token-inactive
  Scenario: A refresh token unused for 91 days
    Given the server issued client "app1client" with secret "s3cret-value-123456"
    And the server issued refresh token "klr_RefreshTokenOfTheAppNumberOne0123456789" to "app1client" 3 days ago, last used 0 days ago
    And the server issued refresh token "klr_IdleTokenOfTheAppNumberOne01234567890ab" to "app1client" 200 days ago, last used 91 days ago
    When this request is diagnosed:
      """
      curl https://a.klaviyo.com/oauth/token -u app1client:s3cret-value-123456 -d 'grant_type=refresh_token&refresh_token=klr_IdleTokenOfTheAppNumberOne01234567890ab'
      """
    Then the diagnosis is finding-refresh-token-inactive, citing token.refresh.inactive
    And the detail says "91 days ago"

  @finding-refresh-rate-limited
  Scenario: The 11th refresh within a minute
    When this request is diagnosed:
      """
      POST /oauth/token HTTP/1.1
      Host: a.klaviyo.com
      Authorization: Basic YXBwMWNsaWVudDpzM2NyZXQtdmFsdWUtMTIzNDU2
      Content-Type: application/x-www-form-urlencoded

      grant_type=refresh_token&refresh_token=klr_RefreshTokenOfTheAppNumberOne0123456789

      HTTP/1.1 429 Too Many Requests
      Retry-After: 42
      Content-Type: application/json

      {"error":"rate_limit_exceeded"}
      """
    Then the diagnosis is finding-refresh-rate-limited, citing token.refresh.rate-limited
    And the detail says "it may be used again in 42 s"

  @tip.refresh-token-invalid
  Scenario: A correct refresh with a live token is fine
    Given the server issued client "app1client" with secret "s3cret-value-123456"
    And the server issued refresh token "klr_RefreshTokenOfTheAppNumberOne0123456789" to "app1client" 3 days ago, last used 0 days ago
    When this request is diagnosed:
      """
      curl https://a.klaviyo.com/oauth/token -u app1client:s3cret-value-123456 -d 'grant_type=refresh_token&refresh_token=klr_RefreshTokenOfTheAppNumberOne0123456789'
      """
    Then nothing is found wrong
