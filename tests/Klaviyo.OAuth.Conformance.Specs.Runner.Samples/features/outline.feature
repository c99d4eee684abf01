@sample @sample.outline
Feature: Outlines and backgrounds
  An outline gives one test per example row; the background runs before each.

  Background:
    Given a counter starting at 1

  Scenario Outline: Adding <amount> gives <total>
    When <amount> is added
    Then the counter is <total>

    @sample.first-examples
    Examples: small
      | amount | total |
      | 1      | 2     |
      | 2      | 3     |

    Examples: large
      | amount | total |
      | 40     | 41    |

  Scenario Outline: An outline whose name has no placeholder
    When <amount> is added
    Then the counter is <total>

    Examples:
      | amount | total |
      | 5      | 6     |
      | 6      | 7     |
