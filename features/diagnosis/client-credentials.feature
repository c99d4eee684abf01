@engine
Feature: Diagnosing "Invalid client"
  The guide's five "Invalid client" tips, executable: a token or revoke request as an app sent it,
  and the diagnosis it gets. The credentials below are base64 of app1client:s3cret-value-123456.

  @tip.client-id @finding-client-id-unknown
  Scenario: A client id the server never issued
    Given the server issued client "app1client" with secret "s3cret-value-123456"
    When this request is diagnosed:
      """
      curl https://a.klaviyo.com/oauth/token \
        -H 'Authorization: Basic Z2hvc3QtY2xpZW50OnMzY3JldC12YWx1ZS0xMjM0NTY=' \
        --data-raw 'grant_type=refresh_token&refresh_token=klr_x'
      """
    Then the diagnosis is finding-client-id-unknown under tip.client-id
    And the detail says 'client id "ghost-client" is not one the server issued'

  @tip.client-id @finding-credentials-refused
  Scenario: Well-formed credentials the server refused, diagnosed from its answer alone
    When this request is diagnosed:
      """
      POST /oauth/token HTTP/1.1
      Host: a.klaviyo.com
      Authorization: Basic YXBwMWNsaWVudDpzM2NyZXQtdmFsdWUtMTIzNDU2
      Content-Type: application/x-www-form-urlencoded

      grant_type=refresh_token&refresh_token=klr_x

      HTTP/1.1 401 Unauthorized
      Content-Type: application/json

      {"error":"invalid_client"}
      """
    Then the diagnosis is finding-credentials-refused under tip.client-id
    And Klaviyo "answered 401 invalid_client"

  @tip.credentials-base64 @finding-credentials-in-clear
  Scenario: id:secret sent in clear
    When this request is diagnosed:
      """
      curl https://a.klaviyo.com/oauth/token -H 'Authorization: Basic app1client:s3cret-value-123456' -d 'grant_type=refresh_token&refresh_token=klr_x'
      """
    Then the diagnosis is finding-credentials-in-clear under tip.credentials-base64
    And Klaviyo "will answer 401"

  @tip.credentials-base64 @finding-credentials-not-base64
  Scenario: Credentials that are not base64
    When this request is diagnosed:
      """
      curl https://a.klaviyo.com/oauth/token -H 'Authorization: Basic not*base64!' -d 'grant_type=refresh_token&refresh_token=klr_x'
      """
    Then the diagnosis is finding-credentials-not-base64 under tip.credentials-base64

  @tip.credentials-base64 @finding-credentials-not-utf8
  Scenario: Credentials that decode to bytes that are not UTF-8
    When this request is diagnosed:
      """
      curl https://a.klaviyo.com/oauth/token -H 'Authorization: Basic //46QQ==' -d 'grant_type=refresh_token&refresh_token=klr_x'
      """
    Then the diagnosis is finding-credentials-not-utf8 under tip.credentials-base64

  @tip.basic-prefix @finding-scheme-not-basic
  Scenario: Client credentials sent with the Bearer scheme
    When this request is diagnosed:
      """
      curl https://a.klaviyo.com/oauth/token -H 'Authorization: Bearer YXBwMWNsaWVudDpzM2NyZXQtdmFsdWUtMTIzNDU2' -d 'grant_type=refresh_token&refresh_token=klr_x'
      """
    Then the diagnosis is finding-scheme-not-basic under tip.basic-prefix
    And the detail says 'The scheme is "Bearer"; it must be the word Basic.'

  @tip.basic-prefix @finding-scheme-encoded
  Scenario: The word Basic encoded together with the credentials
    When this request is diagnosed:
      """
      curl https://a.klaviyo.com/oauth/token -H 'Authorization: QmFzaWMgYXBwMWNsaWVudDpzM2NyZXQtdmFsdWUtMTIzNDU2' -d 'grant_type=refresh_token&refresh_token=klr_x'
      """
    Then the diagnosis is finding-scheme-encoded under tip.basic-prefix

  @tip.bytes-to-string @finding-bytes-literal
  Scenario: A Python bytes literal printed into the header
    When this request is diagnosed:
      """
      curl https://a.klaviyo.com/oauth/token -H "Authorization: Basic b'YXBwMWNsaWVudDpzM2NyZXQtdmFsdWUtMTIzNDU2'" -d 'grant_type=refresh_token&refresh_token=klr_x'
      """
    Then the diagnosis is finding-bytes-literal under tip.bytes-to-string
    And the detail says "Basic followed by b'…': a bytes literal printed as text"

  @tip.authorization-header @finding-authorization-missing
  Scenario: No Authorization header
    When this request is diagnosed:
      """
      curl https://a.klaviyo.com/oauth/token -d 'grant_type=refresh_token&refresh_token=klr_x'
      """
    Then the diagnosis is finding-authorization-missing under tip.authorization-header

  @tip.authorization-header @finding-credentials-in-body
  Scenario: Client credentials in the form body
    When this request is diagnosed:
      """
      curl https://a.klaviyo.com/oauth/token -d 'grant_type=refresh_token&refresh_token=klr_x&client_id=app1client&client_secret=s3cret-value-123456'
      """
    Then the diagnosis is finding-credentials-in-body under tip.authorization-header
    And the detail says "Klaviyo reads client credentials only from the Authorization header"

  @tip.authorization-header @finding-credentials-no-colon
  Scenario: Credentials with no colon between id and secret
    When this request is diagnosed:
      """
      curl https://a.klaviyo.com/oauth/token -H 'Authorization: Basic YXBwMWNsaWVudHMzY3JldC12YWx1ZS0xMjM0NTY=' -d 'grant_type=refresh_token&refresh_token=klr_x'
      """
    Then the diagnosis is finding-credentials-no-colon under tip.authorization-header

  @tip.authorization-header @finding-secret-wrong
  Scenario: A wrong secret for a known client
    Given the server issued client "app1client" with secret "s3cret-value-123456"
    When this request is diagnosed:
      """
      curl https://a.klaviyo.com/oauth/revoke -H 'Authorization: Basic YXBwMWNsaWVudDp3cm9uZy1zZWNyZXQ=' -d 'token=klr_x'
      """
    Then the diagnosis is finding-secret-wrong, citing revoke.invalid-client
    And Klaviyo "will answer 400"

  @tip.authorization-header @finding-authorization-repeated
  Scenario: Two Authorization headers
    When this request is diagnosed:
      """
      curl https://a.klaviyo.com/oauth/token -H 'Authorization: Basic YXBwMWNsaWVudDpzM2NyZXQtdmFsdWUtMTIzNDU2' -H 'Authorization: Basic YXBwMWNsaWVudDpzM2NyZXQtdmFsdWUtMTIzNDU2' -d 'grant_type=refresh_token&refresh_token=klr_x'
      """
    Then the diagnosis is finding-authorization-repeated under tip.authorization-header
