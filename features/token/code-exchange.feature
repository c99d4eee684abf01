@needs-client @needs-redirect-uri @needs-approval
Feature: Exchanging an authorization code for tokens
  The success path every error below is measured against: after an owner approves the app, the app
  exchanges the authorization code, with the PKCE code verifier it kept, for an access token and a
  refresh token (guide: "Call to oauth/token endpoint"; Klaviyo's "Set up OAuth").

  Background:
    Given an app registered with the target

  @token.code-exchange.succeeds @baseline
  Scenario: Exchanging an authorization code with its code verifier issues tokens
    Given an owner has approved the app's authorization request
    When the app exchanges the authorization code with its code verifier
    Then the token endpoint issues an access token and a refresh token

  @rfc7636.s256-vector @rfc-must
  Scenario: The RFC 7636 example verifier and challenge work end to end
    Given an owner has approved the app's authorization request made with the RFC 7636 example challenge
    When the app exchanges the authorization code with its code verifier
    Then the token endpoint issues an access token and a refresh token

  @rfc6749.no-store @rfc-must
  Scenario: A successful token response must not be cached
    Given an owner has approved the app's authorization request
    When the app exchanges the authorization code with its code verifier
    Then the response must not be cached
