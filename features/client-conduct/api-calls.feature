@engine
Feature: Client conduct: calling the API
  The API is called with "Authorization: Bearer <access token>", and after authentication_failed
  the app "obtains a new valid access token using the refresh token" before calling again. These
  scenarios verify the conduct rules, not a target.

  @client.bearer-format @documented
  Scenario: Every API call carries Bearer and the token
    Given the app's traffic:
      | at    | request                                  | authorization                | answer |
      | 00:00 | GET https://a.klaviyo.com/api/accounts/  | Bearer kla_AccessToken.One-2 | 200    |
      | 00:01 | GET https://a.klaviyo.com/api/lists/     | Bearer kla_AccessToken.One-2 | 200    |
    Then client.bearer-format is satisfied

  @client.bearer-format @documented
  Scenario: A lower-case scheme
    Given the app's traffic:
      | at    | request                                 | authorization                | answer                |
      | 00:00 | GET https://a.klaviyo.com/api/accounts/ | Bearer kla_AccessToken.One-2 | 200                   |
      | 00:01 | GET https://a.klaviyo.com/api/lists/    | bearer kla_AccessToken.One-2 | 401 not_authenticated |
    Then client.bearer-format is not satisfied by request 2, diagnosed api.not-authenticated

  @client.refresh-on-auth-failure @documented
  Scenario: After authentication_failed the app refreshes, then calls with the new token
    Given the app's traffic:
      | at    | request                                 | authorization                                    | content type                      | body                                           | answer                    |
      | 00:00 | GET https://a.klaviyo.com/api/accounts/ | Bearer kla_Expired                               |                                   |                                                | 401 authentication_failed |
      | 00:01 | POST https://a.klaviyo.com/oauth/token  | Basic YXBwMWNsaWVudDpzM2NyZXQtdmFsdWUtMTIzNDU2 | application/x-www-form-urlencoded | grant_type=refresh_token&refresh_token=klr_One | 200                       |
      | 00:02 | GET https://a.klaviyo.com/api/accounts/ | Bearer kla_Fresh                                 |                                   |                                                | 200                       |
    Then client.refresh-on-auth-failure is satisfied

  @client.refresh-on-auth-failure @documented
  Scenario: The app repeats the call with the refused token
    Given the app's traffic:
      | at    | request                                 | authorization      | answer                    |
      | 00:00 | GET https://a.klaviyo.com/api/accounts/ | Bearer kla_Expired | 401 authentication_failed |
      | 00:01 | GET https://a.klaviyo.com/api/accounts/ | Bearer kla_Expired | 401 authentication_failed |
    Then client.refresh-on-auth-failure is not satisfied by request 2, diagnosed api.authentication-failed

  @client.refresh-on-auth-failure @documented
  Scenario: An app whose access token never failed
    Given the app's traffic:
      | at    | request                                 | authorization    | answer |
      | 00:00 | GET https://a.klaviyo.com/api/accounts/ | Bearer kla_Fresh | 200    |
    Then client.refresh-on-auth-failure is not verified: "/__control/clock/advance"
