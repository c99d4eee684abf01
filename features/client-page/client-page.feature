@needs-consent
Feature: The OAuth client page
  Encodes the guide's "Accessing OAuth client page" table: only the owner, admin or manager of a
  beta-allowlisted account can see https://www.klaviyo.com/oauth/client; everyone else gets a 404 page.

  @client-page.visible @baseline
  Scenario Outline: The <role> of a beta-allowlisted account sees the OAuth client page
    Given a signed-in <role> of a beta-allowlisted account
    When the user opens the OAuth client page
    Then the OAuth client page is shown

    Examples:
      | role    |
      | owner   |
      | admin   |
      | manager |

  @client-page.not-found @documented
  Scenario Outline: The <role> of an account that is not beta-allowlisted gets the 404 page
    Given a signed-in <role> of an account that is not beta-allowlisted
    When the user opens the OAuth client page
    Then the OAuth client page is not found, which the browser shows as "This www.klaviyo.com page can’t be found."

    Examples:
      | role    |
      | owner   |
      | admin   |
      | manager |

  @client-page.not-found @documented
  Scenario Outline: A <role> of a beta-allowlisted account gets the 404 page
    Given a signed-in <role> of a beta-allowlisted account
    When the user opens the OAuth client page
    Then the OAuth client page is not found, which the browser shows as "This www.klaviyo.com page can’t be found."

    Examples:
      | role                 |
      | analyst              |
      | campaign coordinator |
      | content creator      |
      | support              |
      | custom               |
