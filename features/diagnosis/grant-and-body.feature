@engine
Feature: Diagnosing "Invalid grant type"
  The grant type and the form body: what the guide's "Invalid grant type" tips look like in a request.

  @tip.grant-type @finding-grant-type-missing
  Scenario: No grant_type
    When this request is diagnosed:
      """
      curl https://a.klaviyo.com/oauth/token -u app1client:s3cret-value-123456 -d 'refresh_token=klr_x'
      """
    Then the diagnosis is finding-grant-type-missing under tip.grant-type
    And Klaviyo 'will answer 400 {"error":"unsupported_grant_type"}'

  @tip.grant-type @finding-grant-type-unsupported
  Scenario: A misspelled grant type
    When this request is diagnosed:
      """
      curl https://a.klaviyo.com/oauth/token -u app1client:s3cret-value-123456 -d 'grant_type=Refresh_Token&refresh_token=klr_x'
      """
    Then the diagnosis is finding-grant-type-unsupported under tip.grant-type
    And the detail says '"Refresh_Token" is a misspelling of refresh_token'

  @tip.form-body @finding-body-json
  Scenario: The body sent as JSON
    When this request is diagnosed:
      """
      curl https://a.klaviyo.com/oauth/token -u app1client:s3cret-value-123456 -H 'Content-Type: application/json' --data-raw '{"grant_type":"refresh_token","refresh_token":"klr_x"}'
      """
    Then the diagnosis is finding-body-json under tip.form-body

  @tip.form-body @finding-body-multipart
  Scenario: The body sent as multipart
    When this request is diagnosed:
      """
      POST /oauth/revoke HTTP/1.1
      Host: a.klaviyo.com
      Authorization: Basic YXBwMWNsaWVudDpzM2NyZXQtdmFsdWUtMTIzNDU2
      Content-Type: multipart/form-data; boundary=X

      --X
      Content-Disposition: form-data; name="token"

      klr_x
      --X--
      """
    Then the diagnosis is finding-body-multipart, citing revoke.invalid-request

  @tip.form-body @finding-body-in-query
  Scenario: The parameters in the query string
    When this request is diagnosed:
      """
      curl -X POST 'https://a.klaviyo.com/oauth/token?grant_type=refresh_token&refresh_token=klr_x' -u app1client:s3cret-value-123456
      """
    Then the diagnosis is finding-body-in-query under tip.form-body

  @tip.form-body @finding-content-type-wrong
  Scenario: A form body labelled text/plain
    When this request is diagnosed:
      """
      curl https://a.klaviyo.com/oauth/token -u app1client:s3cret-value-123456 -H 'Content-Type: text/plain' -d 'grant_type=refresh_token&refresh_token=klr_x'
      """
    Then the diagnosis is finding-content-type-wrong under tip.form-body
