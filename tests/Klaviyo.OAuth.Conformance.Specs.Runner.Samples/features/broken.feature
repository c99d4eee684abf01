Feature: Broken on purpose

  Scenario: This file does not parse
    Given a counter starting at 1
  This line is not Gherkin
