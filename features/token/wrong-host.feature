Feature: Token requests sent to the web host
  Encodes the guide's tip "403 HTML on /token or /revoke": token requests sent to www.klaviyo.com
  instead of a.klaviyo.com get the CDN's 403 page. It needs only the web host: the request carries
  placeholder credentials, so no secret of a real app is sent to the wrong host.

  @token.wrong-host @documented
  Scenario: A token request sent to the web host gets the CDN's 403 page
    When the app posts its token request to the web host instead of the API host
    Then the web host answers with the CDN's 403 error page
