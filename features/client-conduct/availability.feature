@engine
Feature: Client conduct: meeting a 503
  After a 503 the app waits (at least Retry-After when given) before trying the same endpoint
  again, and gives up after a bounded number of tries (RFC 9110 §10.2.3; the guide says only "try
  again later"). These scenarios verify the conduct rules, not a target.

  @client.after-unavailable @rfc-should
  Scenario: The app honours Retry-After
    Given the app's traffic:
      | at    | request                                | authorization                                    | content type                      | body                                           | answer                 |
      | 00:00 | POST https://a.klaviyo.com/oauth/token | Basic YXBwMWNsaWVudDpzM2NyZXQtdmFsdWUtMTIzNDU2 | application/x-www-form-urlencoded | grant_type=refresh_token&refresh_token=klr_One | 503 Retry-After: 30    |
      | 00:30 | POST https://a.klaviyo.com/oauth/token | Basic YXBwMWNsaWVudDpzM2NyZXQtdmFsdWUtMTIzNDU2 | application/x-www-form-urlencoded | grant_type=refresh_token&refresh_token=klr_One | 200                    |
    Then client.after-unavailable is satisfied

  @client.after-unavailable @rfc-should
  Scenario: The app retries sooner than Retry-After says
    Given the app's traffic:
      | at       | request                                | authorization                                    | content type                      | body                                           | answer              |
      | 00:00    | POST https://a.klaviyo.com/oauth/token | Basic YXBwMWNsaWVudDpzM2NyZXQtdmFsdWUtMTIzNDU2 | application/x-www-form-urlencoded | grant_type=refresh_token&refresh_token=klr_One | 503 Retry-After: 30 |
      | 00:00.200 | POST https://a.klaviyo.com/oauth/token | Basic YXBwMWNsaWVudDpzM2NyZXQtdmFsdWUtMTIzNDU2 | application/x-www-form-urlencoded | grant_type=refresh_token&refresh_token=klr_One | 503 Retry-After: 30 |
    Then client.after-unavailable is advisory not met by request 2, diagnosed token.unavailable

  @client.after-unavailable @rfc-should
  Scenario: The app never gives up on an outage
    Given the app's traffic:
      | at    | request                              | authorization    | answer |
      | 00:00 | GET https://a.klaviyo.com/api/lists/ | Bearer kla_Fresh | 503    |
      | 00:10 | GET https://a.klaviyo.com/api/lists/ | Bearer kla_Fresh | 503    |
      | 00:20 | GET https://a.klaviyo.com/api/lists/ | Bearer kla_Fresh | 503    |
      | 00:30 | GET https://a.klaviyo.com/api/lists/ | Bearer kla_Fresh | 503    |
      | 00:40 | GET https://a.klaviyo.com/api/lists/ | Bearer kla_Fresh | 503    |
      | 00:50 | GET https://a.klaviyo.com/api/lists/ | Bearer kla_Fresh | 503    |
    Then client.after-unavailable is advisory not met by request 6, diagnosed api.unavailable

  @client.after-unavailable @rfc-should
  Scenario: An app that never met an outage
    Given the app's traffic:
      | at    | request                              | authorization    | answer |
      | 00:00 | GET https://a.klaviyo.com/api/lists/ | Bearer kla_Fresh | 200    |
    Then client.after-unavailable is not verified: "PUT /__control/outages/token"
