@engine
Feature: Client conduct: asking for authorization
  The app asks for S256 PKCE and proves it with a verifier of the guide's pattern ("Invalid code
  verifier", "Code challenge failed"), and sends a state that the redirect carries back (RFC 6749
  §10.12). These scenarios verify the conduct rules, not a target.

  @client.pkce-s256 @documented
  Scenario: S256 challenge, then the verifier that hashes to it
    Given the app's traffic:
      | at    | request                                                                                                                                                   | authorization                                    | content type                      | body                                                                                       | answer |
      | 00:00 | GET https://www.klaviyo.com/oauth/authorize?response_type=code&client_id=app1client&state=s1&code_challenge_method=S256&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM |  |  |  | 302 Location: https://app.example/callback?code=c1&state=s1 |
      | 00:20 | POST https://a.klaviyo.com/oauth/token                                                                                                                    | Basic YXBwMWNsaWVudDpzM2NyZXQtdmFsdWUtMTIzNDU2 | application/x-www-form-urlencoded | grant_type=authorization_code&code=c1&code_verifier=dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk | 200    |
    Then client.pkce-s256 is satisfied

  @client.pkce-s256 @documented
  Scenario: Plain PKCE: the verifier is the challenge itself
    Given the app's traffic:
      | at    | request                                                                                                                                              | authorization                                    | content type                      | body                                                                                       | answer                 |
      | 00:00 | GET https://www.klaviyo.com/oauth/authorize?response_type=code&client_id=app1client&state=s1&code_challenge=dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk |  |  |  | 302 Location: https://app.example/callback?code=c1&state=s1 |
      | 00:20 | POST https://a.klaviyo.com/oauth/token                                                                                                               | Basic YXBwMWNsaWVudDpzM2NyZXQtdmFsdWUtMTIzNDU2 | application/x-www-form-urlencoded | grant_type=authorization_code&code=c1&code_verifier=dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk | 400 invalid_grant |
    Then client.pkce-s256 is not satisfied by request 1, diagnosed tip.code-challenge-s256

  @client.pkce-s256 @documented
  Scenario: A verifier shorter than 43 characters
    Given the app's traffic:
      | at    | request                                | authorization                                    | content type                      | body                                                      | answer            |
      | 00:00 | POST https://a.klaviyo.com/oauth/token | Basic YXBwMWNsaWVudDpzM2NyZXQtdmFsdWUtMTIzNDU2 | application/x-www-form-urlencoded | grant_type=authorization_code&code=c1&code_verifier=short | 400 invalid_grant |
    Then client.pkce-s256 is not satisfied by request 1, diagnosed tip.code-verifier-pattern

  @client.state @rfc-must
  Scenario: The state sent comes back on the redirect
    Given the app's traffic:
      | at    | request                                                                                                                                                   | answer                                                           |
      | 00:00 | GET https://www.klaviyo.com/oauth/authorize?response_type=code&client_id=app1client&state=xyz-42&code_challenge_method=S256&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM | 302 Location: https://app.example/callback?code=c1&state=xyz-42 |
    Then client.state is satisfied

  @client.state @rfc-must
  Scenario: No state on the authorization request
    Given the app's traffic:
      | at    | request                                                                                                                                         | answer                                              |
      | 00:00 | GET https://www.klaviyo.com/oauth/authorize?response_type=code&client_id=app1client&code_challenge_method=S256&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM | 302 Location: https://app.example/callback?code=c1 |
    Then client.state is advisory not met by request 1, diagnosed authorize.succeeds

  @client.state @rfc-must
  Scenario: A back end's capture without the authorization request
    Given the app's traffic:
      | at    | request                                | authorization                                    | content type                      | body                                           | answer |
      | 00:00 | POST https://a.klaviyo.com/oauth/token | Basic YXBwMWNsaWVudDpzM2NyZXQtdmFsdWUtMTIzNDU2 | application/x-www-form-urlencoded | grant_type=refresh_token&refresh_token=klr_One | 200    |
    Then client.state is not verified: "GET /oauth/authorize"
