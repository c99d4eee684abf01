@engine
Feature: Diagnosing "Invalid code verifier" and "Code challenge failed"
  The verifier's shape needs no server; whether it hashes to the challenge needs the authorization
  the server remembers. The pair of RFC 7636 Appendix B is the correct one.

  @tip.code-verifier-pattern @finding-verifier-missing
  Scenario: No code verifier
    When this request is diagnosed:
      """
      curl https://a.klaviyo.com/oauth/token -u app1client:s3cret-value-123456 -d 'grant_type=authorization_code&code=c1&redirect_uri=http%3A%2F%2F127.0.0.1%2Fcallback'
      """
    Then the diagnosis is finding-verifier-missing under tip.code-verifier-pattern

  @tip.code-verifier-pattern @finding-verifier-length
  Scenario: A verifier one character short
    When this request is diagnosed:
      """
      curl https://a.klaviyo.com/oauth/token -u app1client:s3cret-value-123456 -d 'grant_type=authorization_code&code=c1&code_verifier=dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjX'
      """
    Then the diagnosis is finding-verifier-length under tip.code-verifier-pattern
    And the detail says "The verifier has 42 characters; the pattern needs 43 to 128."

  @tip.code-verifier-pattern @finding-verifier-character
  Scenario: A base64 verifier instead of base64url
    When this request is diagnosed:
      """
      curl https://a.klaviyo.com/oauth/token -u app1client:s3cret-value-123456 --data-urlencode 'grant_type=authorization_code' --data-urlencode 'code=c1' --data-urlencode 'code_verifier=dBjftJeZ4CVP+mB92K27uhbUJU1p1r/wW1gFWFOEjXk'
      """
    Then the diagnosis is finding-verifier-character under tip.code-verifier-pattern
    And the detail says "'+' (base64, not base64url) at position 13"

  @tip.code-challenge-s256 @finding-challenge-mismatch
  Scenario: A well-formed verifier that is not the one behind the challenge
    Given the server issued client "app1client" with secret "s3cret-value-123456"
    And "app1client" has a pending authorization with code "c1" and challenge "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", started 1 minutes ago
    When this request is diagnosed:
      """
      curl https://a.klaviyo.com/oauth/token -u app1client:s3cret-value-123456 -d 'grant_type=authorization_code&code=c1&code_verifier=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'
      """
    Then the diagnosis is finding-challenge-mismatch under tip.code-challenge-s256

  @tip.code-challenge-s256 @finding-challenge-plain
  Scenario: The challenge sent as the verifier: plain hashing
    Given the server issued client "app1client" with secret "s3cret-value-123456"
    And "app1client" has a pending authorization with code "c1" and challenge "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", started 1 minutes ago
    When this request is diagnosed:
      """
      curl https://a.klaviyo.com/oauth/token -u app1client:s3cret-value-123456 -d 'grant_type=authorization_code&code=c1&code_verifier=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM'
      """
    Then the diagnosis is finding-challenge-plain under tip.code-challenge-s256
    And the detail says "The verifier equals the challenge: plain hashing."

  @tip.code-challenge-s256 @finding-verifier-of-another-authorization
  Scenario: The verifier of an earlier authorization of the same app
    Given the server issued client "app1client" with secret "s3cret-value-123456"
    And "app1client" has a pending authorization with code "c1" and challenge "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", started 1 minutes ago
    And "app1client" has a pending authorization with code "c0" and challenge "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", started 9 minutes ago
    When this request is diagnosed:
      """
      curl https://a.klaviyo.com/oauth/token -u app1client:s3cret-value-123456 -d 'grant_type=authorization_code&code=c1&code_verifier=dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk'
      """
    Then the diagnosis is finding-verifier-of-another-authorization under tip.code-challenge-s256

  @tip.code-challenge-s256
  Scenario: The right verifier for its own authorization is fine
    Given the server issued client "app1client" with secret "s3cret-value-123456"
    And "app1client" has a pending authorization with code "c1" and challenge "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", started 1 minutes ago
    When this request is diagnosed:
      """
      curl https://a.klaviyo.com/oauth/token -u app1client:s3cret-value-123456 -d 'grant_type=authorization_code&code=c1&code_verifier=dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk'
      """
    Then nothing is found wrong
