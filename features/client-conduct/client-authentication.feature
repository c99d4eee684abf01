@engine
Feature: Client conduct: how token and revoke requests are sent
  "You must send client authentication as the basic auth header", "your request body is
  application/x-www-form-urlencoded", and "requests to directly klaviyo.com will fail": graded over
  an app's traffic, request by request. These scenarios verify the conduct rules, not a target.

  @client.basic-auth @documented
  Scenario: Every token and revoke request carries the Basic header
    Given the app's traffic:
      | at    | request                                 | authorization                                    | content type                      | body                                                   | answer |
      | 00:00 | POST https://a.klaviyo.com/oauth/token  | Basic YXBwMWNsaWVudDpzM2NyZXQtdmFsdWUtMTIzNDU2 | application/x-www-form-urlencoded | grant_type=refresh_token&refresh_token=klr_One         | 200    |
      | 00:10 | POST https://a.klaviyo.com/oauth/revoke | Basic YXBwMWNsaWVudDpzM2NyZXQtdmFsdWUtMTIzNDU2 | application/x-www-form-urlencoded | token=klr_One&token_type_hint=refresh_token            | 200    |
    Then client.basic-auth is satisfied

  @client.basic-auth @documented
  Scenario: The client secret sent in the form body instead of the header
    Given the app's traffic:
      | at    | request                                | authorization                                    | content type                      | body                                                                         | answer             |
      | 00:00 | POST https://a.klaviyo.com/oauth/token | Basic YXBwMWNsaWVudDpzM2NyZXQtdmFsdWUtMTIzNDU2 | application/x-www-form-urlencoded | grant_type=refresh_token&refresh_token=klr_One                               | 200                |
      | 00:10 | POST https://a.klaviyo.com/oauth/token |                                                  | application/x-www-form-urlencoded | grant_type=refresh_token&refresh_token=klr_Two&client_id=app1client&client_secret=s3cret | 401 invalid_client |
    Then client.basic-auth is not satisfied by request 2, diagnosed tip.authorization-header

  @client.basic-auth @documented
  Scenario: A bytes literal printed into the header, as captured
    Given the app's traffic, captured:
      """
      POST /oauth/token HTTP/1.1
      Host: a.klaviyo.com
      Authorization: Basic b'YXBwMWNsaWVudDpzM2NyZXQtdmFsdWUtMTIzNDU2'
      Content-Type: application/x-www-form-urlencoded

      grant_type=refresh_token&refresh_token=klr_One

      HTTP/1.1 401 Unauthorized
      Content-Type: application/json

      {"error":"invalid_client"}
      """
    Then client.basic-auth is not satisfied by request 1, diagnosed tip.bytes-to-string

  @client.basic-auth @documented
  Scenario: An app that never met the token endpoint is not graded on its credentials
    Given the app's traffic:
      | at    | request                               | authorization     | answer |
      | 00:00 | GET https://a.klaviyo.com/api/lists/  | Bearer kla_Access | 200    |
    Then client.basic-auth is not verified: "exchange the code"

  @client.form-body @documented
  Scenario: Token and revoke bodies are urlencoded
    Given the app's traffic:
      | at    | request                                 | authorization                                    | content type                                      | body                                           | answer |
      | 00:00 | POST https://a.klaviyo.com/oauth/token  | Basic YXBwMWNsaWVudDpzM2NyZXQtdmFsdWUtMTIzNDU2 | application/x-www-form-urlencoded; charset=utf-8 | grant_type=refresh_token&refresh_token=klr_One | 200    |
      | 00:05 | POST https://a.klaviyo.com/oauth/revoke | Basic YXBwMWNsaWVudDpzM2NyZXQtdmFsdWUtMTIzNDU2 | application/x-www-form-urlencoded                 | token=klr_One                                  | 200    |
    Then client.form-body is satisfied

  @client.form-body @documented
  Scenario: A refresh sent as JSON
    Given the app's traffic:
      | at    | request                                | authorization                                    | content type     | body                                                           | answer                     |
      | 00:00 | POST https://a.klaviyo.com/oauth/token | Basic YXBwMWNsaWVudDpzM2NyZXQtdmFsdWUtMTIzNDU2 | application/json | {"grant_type":"refresh_token","refresh_token":"klr_One"}        | 400 unsupported_grant_type |
    Then client.form-body is not satisfied by request 1, diagnosed tip.form-body

  @client.api-host @documented
  Scenario: Token and revoke requests go to a.klaviyo.com
    Given the app's traffic:
      | at    | request                                 | authorization                                    | content type                      | body                                           | answer |
      | 00:00 | POST https://a.klaviyo.com/oauth/token  | Basic YXBwMWNsaWVudDpzM2NyZXQtdmFsdWUtMTIzNDU2 | application/x-www-form-urlencoded | grant_type=refresh_token&refresh_token=klr_One | 200    |
      | 00:05 | POST https://a.klaviyo.com/oauth/revoke | Basic YXBwMWNsaWVudDpzM2NyZXQtdmFsdWUtMTIzNDU2 | application/x-www-form-urlencoded | token=klr_One                                  | 200    |
    Then client.api-host is satisfied

  @client.api-host @documented
  Scenario: A refresh sent to www.klaviyo.com
    Given the app's traffic:
      | at    | request                                  | authorization                                    | content type                      | body                                           | answer   |
      | 00:00 | POST https://www.klaviyo.com/oauth/token | Basic YXBwMWNsaWVudDpzM2NyZXQtdmFsdWUtMTIzNDU2 | application/x-www-form-urlencoded | grant_type=refresh_token&refresh_token=klr_One | 403 html |
    Then client.api-host is not satisfied by request 1, diagnosed tip.api-host

  @client.no-secrets-in-url @rfc-must
  Scenario: Secrets travel in headers and bodies, never in the URL
    Given the app's traffic:
      | at    | request                                                                                                  | authorization                                    | content type                      | body                                           | answer |
      | 00:00 | GET https://www.klaviyo.com/oauth/authorize?response_type=code&client_id=app1client&state=s1&code_challenge_method=S256&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM |  |  |  | 302 Location: https://app.example/callback?code=c1&state=s1 |
      | 00:10 | POST https://a.klaviyo.com/oauth/token                                                                   | Basic YXBwMWNsaWVudDpzM2NyZXQtdmFsdWUtMTIzNDU2 | application/x-www-form-urlencoded | grant_type=refresh_token&refresh_token=klr_One | 200    |
    Then client.no-secrets-in-url is satisfied

  @client.no-secrets-in-url @rfc-must
  Scenario: A refresh token in the query string
    Given the app's traffic:
      | at    | request                                                                            | authorization                                    | content type                      | body | answer |
      | 00:00 | POST https://a.klaviyo.com/oauth/token?grant_type=refresh_token&refresh_token=klr_One | Basic YXBwMWNsaWVudDpzM2NyZXQtdmFsdWUtMTIzNDU2 | application/x-www-form-urlencoded |      | 200    |
    Then client.no-secrets-in-url is advisory not met by request 1, diagnosed tip.form-body
