@needs-client @needs-access-token
Feature: Calling the API with an access token
  Encodes the guide's "General API call errors": a badly formatted Authorization header is
  not_authenticated; a well-formed access token that does not exist, has expired or was revoked is
  authentication_failed.

  Background:
    Given an app registered with the target
    And the app holds tokens an owner granted it

  @api.succeeds @baseline
  Scenario: A call with a valid access token succeeds
    When the app calls the API with its access token
    Then the API call succeeds

  @api.not-authenticated @documented
  Scenario: A call without an Authorization header is not authenticated
    When the app calls the API without an Authorization header
    Then the API refuses with 401 not_authenticated "Authentication credentials were not provided."

  @api.not-authenticated @documented
  Scenario: A call without the Bearer prefix is not authenticated
    When the app calls the API with its access token but without the Bearer prefix
    Then the API refuses with 401 not_authenticated "Authentication credentials were not provided."

  @api.not-authenticated @documented
  Scenario: A call with the access token in quotes is not authenticated
    When the app calls the API with its access token in quotes
    Then the API refuses with 401 not_authenticated "Authentication credentials were not provided."

  @api.not-authenticated @documented
  Scenario: A call with a trailing character after the access token is not authenticated
    When the app calls the API with a trailing character after its access token
    Then the API refuses with 401 not_authenticated "Authentication credentials were not provided."

  @api.not-authenticated @documented
  Scenario: A call with a truncated access token is not authenticated
    When the app calls the API with its access token truncated
    Then the API refuses with 401 not_authenticated "Authentication credentials were not provided."

  @api.authentication-failed @documented
  Scenario: A call with a well-formed access token that was never issued fails authentication
    When the app calls the API with a well-formed access token that was never issued
    Then the API refuses with 401 authentication_failed "Incorrect authentication credentials."

  @api.authentication-failed @documented @needs-clock
  Scenario: An access token that worked fails authentication once it has expired
    When the app calls the API with its access token
    Then the API call succeeds
    When the app's access token expires
    And the app calls the API with its access token
    Then the API refuses with 401 authentication_failed "Incorrect authentication credentials."

  @api.authentication-failed @documented @destructive
  Scenario: An access token that worked fails authentication once it is revoked
    When the app calls the API with its access token
    Then the API call succeeds
    When the app revokes its access token
    And the app calls the API with its access token
    Then the API refuses with 401 authentication_failed "Incorrect authentication credentials."

  @api.unavailable @documented @needs-outage
  Scenario: While the service is down, the API answers 503
    Given the API service is down
    When the app calls the API with its access token
    Then the API service answers 503 Service Unavailable
