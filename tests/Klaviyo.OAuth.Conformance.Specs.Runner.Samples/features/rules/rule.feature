@sample
Feature: Rules
  A rule's own background runs after the feature's.

  Background:
    Given a counter starting at 1

  @sample.rule
  Rule: Doubling
    Background:
      Given the counter is doubled

    @sample.tagged
    Scenario: The rule background runs after the feature background
      Then the counter is 2
