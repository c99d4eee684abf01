@needs-client @needs-redirect-uri @needs-consent
Feature: Granting authorization
  Encodes the guide's "User granting authorization" table: only an owner, admin or manager can grant
  an app access; anyone else gets a 403 page.

  Background:
    Given an app registered with the target

  @authorize.succeeds @baseline
  Scenario Outline: A signed-in <role> who approves sends the browser back to the app with a code
    Given a signed-in <role>
    When the user approves the app's authorization request
    Then the browser is sent back to the app's redirect URI with a code and the same state

    Examples:
      | role    |
      | owner   |
      | admin   |
      | manager |

  @authorize.role-denied @documented
  Scenario Outline: A signed-in <role> is denied the authorization page
    Given a signed-in <role>
    When the user opens the app's authorization page
    Then the authorization page is denied with 403, which the browser shows as "Access to www.klaviyo.com was denied. You don't have authorization to view this page."

    Examples:
      | role                 |
      | analyst              |
      | campaign coordinator |
      | content creator      |
      | support              |
      | custom               |

  @authorize.unavailable @documented @needs-outage
  Scenario: While the OAuth service is down, the authorization page answers 503
    Given a signed-in owner
    And the authorization service is down
    When the user opens the app's authorization page
    Then the authorization service answers 503 Service Unavailable
