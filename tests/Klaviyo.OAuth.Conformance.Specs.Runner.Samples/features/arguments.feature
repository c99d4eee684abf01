@sample
Feature: Step arguments

  Scenario: A doc string reaches the binding
    Given the text
      """
      first line
      second line
      """
    Then the text has 2 lines

  Scenario: A data table reaches the binding
    Given the rows
      | name  | value |
      | alpha | 1     |
      | beta  | 2     |
    Then there are 2 rows, the first named "alpha"
