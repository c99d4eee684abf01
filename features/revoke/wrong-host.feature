Feature: Revoke requests sent to the web host
  Encodes the guide's tip "403 HTML on /token or /revoke" for /oauth/revoke. It needs only the web
  host: the request carries placeholder credentials, so no secret of a real app is sent to the wrong
  host.

  @revoke.wrong-host @documented
  Scenario: A revoke request sent to the web host gets the CDN's 403 page
    When the app posts its revoke request to the web host instead of the API host
    Then the web host answers with the CDN's 403 error page
