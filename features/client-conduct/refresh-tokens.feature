@engine
Feature: Client conduct: using refresh tokens
  "A refresh token can be used 10 times per minute maximum", "please try again after 1 minute",
  and after invalid_grant "your customer will need to reauthorize the integration": graded over the
  times an app sent each refresh token. These scenarios verify the conduct rules, not a target.

  @client.refresh-rate @documented
  Scenario: Ten refreshes of one token in a minute, the eleventh a minute after the first
    Given the app's traffic:
      | at    | request | authorization | content type | body | answer |
      | 00:00 | POST https://a.klaviyo.com/oauth/token | Basic YXBwMWNsaWVudDpzM2NyZXQtdmFsdWUtMTIzNDU2 | application/x-www-form-urlencoded | grant_type=refresh_token&refresh_token=klr_One | 200 |
      | 00:05 | POST https://a.klaviyo.com/oauth/token | Basic YXBwMWNsaWVudDpzM2NyZXQtdmFsdWUtMTIzNDU2 | application/x-www-form-urlencoded | grant_type=refresh_token&refresh_token=klr_One | 200 |
      | 00:10 | POST https://a.klaviyo.com/oauth/token | Basic YXBwMWNsaWVudDpzM2NyZXQtdmFsdWUtMTIzNDU2 | application/x-www-form-urlencoded | grant_type=refresh_token&refresh_token=klr_One | 200 |
      | 00:15 | POST https://a.klaviyo.com/oauth/token | Basic YXBwMWNsaWVudDpzM2NyZXQtdmFsdWUtMTIzNDU2 | application/x-www-form-urlencoded | grant_type=refresh_token&refresh_token=klr_One | 200 |
      | 00:20 | POST https://a.klaviyo.com/oauth/token | Basic YXBwMWNsaWVudDpzM2NyZXQtdmFsdWUtMTIzNDU2 | application/x-www-form-urlencoded | grant_type=refresh_token&refresh_token=klr_One | 200 |
      | 00:25 | POST https://a.klaviyo.com/oauth/token | Basic YXBwMWNsaWVudDpzM2NyZXQtdmFsdWUtMTIzNDU2 | application/x-www-form-urlencoded | grant_type=refresh_token&refresh_token=klr_One | 200 |
      | 00:30 | POST https://a.klaviyo.com/oauth/token | Basic YXBwMWNsaWVudDpzM2NyZXQtdmFsdWUtMTIzNDU2 | application/x-www-form-urlencoded | grant_type=refresh_token&refresh_token=klr_One | 200 |
      | 00:35 | POST https://a.klaviyo.com/oauth/token | Basic YXBwMWNsaWVudDpzM2NyZXQtdmFsdWUtMTIzNDU2 | application/x-www-form-urlencoded | grant_type=refresh_token&refresh_token=klr_One | 200 |
      | 00:40 | POST https://a.klaviyo.com/oauth/token | Basic YXBwMWNsaWVudDpzM2NyZXQtdmFsdWUtMTIzNDU2 | application/x-www-form-urlencoded | grant_type=refresh_token&refresh_token=klr_One | 200 |
      | 00:45 | POST https://a.klaviyo.com/oauth/token | Basic YXBwMWNsaWVudDpzM2NyZXQtdmFsdWUtMTIzNDU2 | application/x-www-form-urlencoded | grant_type=refresh_token&refresh_token=klr_One | 200 |
      | 01:00 | POST https://a.klaviyo.com/oauth/token | Basic YXBwMWNsaWVudDpzM2NyZXQtdmFsdWUtMTIzNDU2 | application/x-www-form-urlencoded | grant_type=refresh_token&refresh_token=klr_One | 200 |
    Then client.refresh-rate is satisfied

  @client.refresh-rate @documented
  Scenario: The eleventh refresh of one token within a minute
    Given the app's traffic:
      | at    | request | authorization | content type | body | answer |
      | 00:00 | POST https://a.klaviyo.com/oauth/token | Basic YXBwMWNsaWVudDpzM2NyZXQtdmFsdWUtMTIzNDU2 | application/x-www-form-urlencoded | grant_type=refresh_token&refresh_token=klr_One | 200 |
      | 00:05 | POST https://a.klaviyo.com/oauth/token | Basic YXBwMWNsaWVudDpzM2NyZXQtdmFsdWUtMTIzNDU2 | application/x-www-form-urlencoded | grant_type=refresh_token&refresh_token=klr_One | 200 |
      | 00:10 | POST https://a.klaviyo.com/oauth/token | Basic YXBwMWNsaWVudDpzM2NyZXQtdmFsdWUtMTIzNDU2 | application/x-www-form-urlencoded | grant_type=refresh_token&refresh_token=klr_One | 200 |
      | 00:15 | POST https://a.klaviyo.com/oauth/token | Basic YXBwMWNsaWVudDpzM2NyZXQtdmFsdWUtMTIzNDU2 | application/x-www-form-urlencoded | grant_type=refresh_token&refresh_token=klr_One | 200 |
      | 00:20 | POST https://a.klaviyo.com/oauth/token | Basic YXBwMWNsaWVudDpzM2NyZXQtdmFsdWUtMTIzNDU2 | application/x-www-form-urlencoded | grant_type=refresh_token&refresh_token=klr_One | 200 |
      | 00:25 | POST https://a.klaviyo.com/oauth/token | Basic YXBwMWNsaWVudDpzM2NyZXQtdmFsdWUtMTIzNDU2 | application/x-www-form-urlencoded | grant_type=refresh_token&refresh_token=klr_One | 200 |
      | 00:30 | POST https://a.klaviyo.com/oauth/token | Basic YXBwMWNsaWVudDpzM2NyZXQtdmFsdWUtMTIzNDU2 | application/x-www-form-urlencoded | grant_type=refresh_token&refresh_token=klr_One | 200 |
      | 00:35 | POST https://a.klaviyo.com/oauth/token | Basic YXBwMWNsaWVudDpzM2NyZXQtdmFsdWUtMTIzNDU2 | application/x-www-form-urlencoded | grant_type=refresh_token&refresh_token=klr_One | 200 |
      | 00:40 | POST https://a.klaviyo.com/oauth/token | Basic YXBwMWNsaWVudDpzM2NyZXQtdmFsdWUtMTIzNDU2 | application/x-www-form-urlencoded | grant_type=refresh_token&refresh_token=klr_One | 200 |
      | 00:45 | POST https://a.klaviyo.com/oauth/token | Basic YXBwMWNsaWVudDpzM2NyZXQtdmFsdWUtMTIzNDU2 | application/x-www-form-urlencoded | grant_type=refresh_token&refresh_token=klr_One | 200 |
      | 00:50 | POST https://a.klaviyo.com/oauth/token | Basic YXBwMWNsaWVudDpzM2NyZXQtdmFsdWUtMTIzNDU2 | application/x-www-form-urlencoded | grant_type=refresh_token&refresh_token=klr_One | 200 |
    Then client.refresh-rate is not satisfied by request 11, diagnosed token.refresh.rate-limited

  @client.refresh-rate @documented
  Scenario: Refreshes without times cannot be counted per minute
    Given the app's traffic:
      | at    | request | authorization | content type | body | answer |
      |  | POST https://a.klaviyo.com/oauth/token | Basic YXBwMWNsaWVudDpzM2NyZXQtdmFsdWUtMTIzNDU2 | application/x-www-form-urlencoded | grant_type=refresh_token&refresh_token=klr_One | 200 |
      |  | POST https://a.klaviyo.com/oauth/token | Basic YXBwMWNsaWVudDpzM2NyZXQtdmFsdWUtMTIzNDU2 | application/x-www-form-urlencoded | grant_type=refresh_token&refresh_token=klr_One | 200 |
    Then client.refresh-rate is not verified: "carry the times"

  @client.after-rate-limit @documented
  Scenario: After a 429 the app waits a minute before using the token again
    Given the app's traffic:
      | at    | request | authorization | content type | body | answer |
      | 00:00 | POST https://a.klaviyo.com/oauth/token | Basic YXBwMWNsaWVudDpzM2NyZXQtdmFsdWUtMTIzNDU2 | application/x-www-form-urlencoded | grant_type=refresh_token&refresh_token=klr_One | 429 |
      | 01:00 | POST https://a.klaviyo.com/oauth/token | Basic YXBwMWNsaWVudDpzM2NyZXQtdmFsdWUtMTIzNDU2 | application/x-www-form-urlencoded | grant_type=refresh_token&refresh_token=klr_One | 200 |
    Then client.after-rate-limit is satisfied

  @client.after-rate-limit @documented
  Scenario: The app retries the rate-limited token after five seconds
    Given the app's traffic:
      | at    | request | authorization | content type | body | answer |
      | 00:00 | POST https://a.klaviyo.com/oauth/token | Basic YXBwMWNsaWVudDpzM2NyZXQtdmFsdWUtMTIzNDU2 | application/x-www-form-urlencoded | grant_type=refresh_token&refresh_token=klr_One | 429 |
      | 00:05 | POST https://a.klaviyo.com/oauth/token | Basic YXBwMWNsaWVudDpzM2NyZXQtdmFsdWUtMTIzNDU2 | application/x-www-form-urlencoded | grant_type=refresh_token&refresh_token=klr_One | 429 |
    Then client.after-rate-limit is not satisfied by request 2, diagnosed token.refresh.rate-limited

  @client.after-rate-limit @documented
  Scenario: An app that never met a 429
    Given the app's traffic:
      | at    | request | authorization | content type | body | answer |
      | 00:00 | POST https://a.klaviyo.com/oauth/token | Basic YXBwMWNsaWVudDpzM2NyZXQtdmFsdWUtMTIzNDU2 | application/x-www-form-urlencoded | grant_type=refresh_token&refresh_token=klr_One | 200 |
    Then client.after-rate-limit is not verified: "/__control/refresh-tokens/rate-limit"

  @client.stops-after-invalid-grant @documented
  Scenario: After invalid_grant the app asks the customer to reauthorize, and refreshes the new token
    Given the app's traffic:
      | at    | request | authorization | content type | body | answer |
      | 00:00 | POST https://a.klaviyo.com/oauth/token | Basic YXBwMWNsaWVudDpzM2NyZXQtdmFsdWUtMTIzNDU2 | application/x-www-form-urlencoded | grant_type=refresh_token&refresh_token=klr_One | 400 invalid_grant |
      | 05:00 | POST https://a.klaviyo.com/oauth/token | Basic YXBwMWNsaWVudDpzM2NyZXQtdmFsdWUtMTIzNDU2 | application/x-www-form-urlencoded | grant_type=refresh_token&refresh_token=klr_Two | 200 |
    Then client.stops-after-invalid-grant is satisfied

  @client.stops-after-invalid-grant @documented
  Scenario: The app keeps refreshing with a revoked token
    Given the app's traffic:
      | at    | request | authorization | content type | body | answer |
      | 00:00 | POST https://a.klaviyo.com/oauth/token | Basic YXBwMWNsaWVudDpzM2NyZXQtdmFsdWUtMTIzNDU2 | application/x-www-form-urlencoded | grant_type=refresh_token&refresh_token=klr_One | 200 |
      | 00:30 | POST https://a.klaviyo.com/oauth/token | Basic YXBwMWNsaWVudDpzM2NyZXQtdmFsdWUtMTIzNDU2 | application/x-www-form-urlencoded | grant_type=refresh_token&refresh_token=klr_One | 400 invalid_grant |
      | 05:00 | POST https://a.klaviyo.com/oauth/token | Basic YXBwMWNsaWVudDpzM2NyZXQtdmFsdWUtMTIzNDU2 | application/x-www-form-urlencoded | grant_type=refresh_token&refresh_token=klr_One | 400 invalid_grant |
    Then client.stops-after-invalid-grant is not satisfied by request 3, diagnosed tip.refresh-token-invalid
