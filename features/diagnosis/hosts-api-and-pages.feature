@engine
Feature: Diagnosing the host, API calls and the web pages
  Token requests belong on the API host; API calls need exactly "Bearer <access token>"; only
  owners, admins and managers grant access or see the client page.

  @tip.api-host @finding-web-host
  Scenario: A token request sent to www.klaviyo.com
    When this request is diagnosed:
      """
      curl https://www.klaviyo.com/oauth/token -u app1client:s3cret-value-123456 -d 'grant_type=refresh_token&refresh_token=klr_x'
      """
    Then the diagnosis is finding-web-host under tip.api-host
    And Klaviyo "will answer 403 text/html"

  @finding-bearer-format
  Scenario: An access token in quotes
    When this request is diagnosed:
      """
      curl https://a.klaviyo.com/api/accounts/ -H 'Authorization: Bearer "kla_AccessTokenOfTheAppNumberOne0123456789abcd"'
      """
    Then the diagnosis is finding-bearer-format, citing api.not-authenticated
    And the detail says "in quotes"

  @finding-access-token-expired
  Scenario: An expired access token
    Given the server issued access token "kla_AccessTokenOfTheAppNumberOne0123456789abcd" to "app1client", expiring in -60 minutes
    When this request is diagnosed:
      """
      curl https://a.klaviyo.com/api/accounts/ -H 'Authorization: Bearer kla_AccessTokenOfTheAppNumberOne0123456789abcd'
      """
    Then the diagnosis is finding-access-token-expired, citing api.authentication-failed
    And the detail says "expired at 2026-11-29 11:00:00 UTC"

  @finding-access-token-revoked
  Scenario: A revoked access token
    Given the server issued access token "kla_AccessTokenOfTheAppNumberOne0123456789abcd" to "app1client", since revoked
    When this request is diagnosed:
      """
      curl https://a.klaviyo.com/api/accounts/ -H 'Authorization: Bearer kla_AccessTokenOfTheAppNumberOne0123456789abcd'
      """
    Then the diagnosis is finding-access-token-revoked, citing api.authentication-failed

  @finding-access-token-unknown
  Scenario: An access token never issued, from the server's answer alone
    When this request is diagnosed:
      """
      GET /api/accounts/ HTTP/1.1
      Host: a.klaviyo.com
      Authorization: Bearer kla_NeverIssued0000000000000000000000000000000

      HTTP/1.1 401 Unauthorized
      Content-Type: application/vnd.api+json

      {"errors":[{"code":"authentication_failed","title":"Incorrect authentication credentials."}]}
      """
    Then the diagnosis is finding-access-token-unknown, citing api.authentication-failed

  @finding-consent-role
  Scenario: An analyst at the consent page
    Given session "s1" belongs to an analyst of an allowlisted account
    When this request is diagnosed:
      """
      curl 'https://www.klaviyo.com/oauth/authorize?response_type=code&client_id=app1client' -b 'kl_session=s1'
      """
    Then the diagnosis is finding-consent-role, citing authorize.role-denied

  @finding-client-page-hidden
  Scenario: The client page opened from an account that is not allowlisted
    Given session "s2" belongs to an owner of a not allowlisted account
    When this request is diagnosed:
      """
      curl https://www.klaviyo.com/oauth/client -b 'kl_session=s2'
      """
    Then the diagnosis is finding-client-page-hidden, citing client-page.not-found
