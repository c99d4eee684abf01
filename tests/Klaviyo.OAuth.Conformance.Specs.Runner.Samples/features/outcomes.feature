@sample @sample.outcomes
Feature: Outcomes

  Scenario: A failing step fails the test
    Given a counter starting at 1
    Then the counter is 99

  Scenario: An undefined step fails with a snippet
    Given a step nobody has written

  Scenario: A pending step skips the test
    Given a step that is still pending

  Scenario: An ambiguous step fails naming both bindings
    Given a step that two bindings match

  @ignore
  Scenario: An ignored scenario is skipped
    Given a counter starting at 1

  @sample.advisory
  Scenario: A failing advisory scenario is a warning, not a failure
    Given a counter starting at 1
    Then the counter is 99

  @sample.expected
  Scenario: A failing scenario the run expects to fail is a warning that says why
    Given a counter starting at 1
    Then the counter is 98
