package org.xietong.applications;

import org.xietong.shared.Money;

/** One line of an application's budget: a category (设备费, 差旅费, …) and its amount. */
@org.springframework.data.relational.core.mapping.Table("application_budget_lines")
public record BudgetLine(String category, Money amount) {
}
