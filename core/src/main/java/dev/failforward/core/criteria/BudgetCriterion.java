package dev.failforward.core.criteria;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A spending cap: "budget 5,000 EUR", "spend over $5k", "cost exceeds €2,500". A cost per something ("cost per hire
 * below £3,000") is a {@link MetricCriterion}, not a budget.
 *
 * @param amount   the cap, not negative, with "k"/"thousand"/"million" applied
 * @param currency "EUR", "USD", "GBP" or another ISO code written in the text, or {@code null} when none is given
 */
public record BudgetCriterion(String text, BigDecimal amount, String currency) implements Criterion {

    public BudgetCriterion {
        Texts.requireText(text, "text");
        Objects.requireNonNull(amount, "amount");
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("amount must not be negative: " + amount);
        }
        if (currency != null && !currency.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("currency must be an ISO 4217 code: " + currency);
        }
    }

    /** True when {@code spent} is more than the cap (spending exactly the cap is allowed). */
    public boolean isExceededBy(BigDecimal spent) {
        return Objects.requireNonNull(spent, "spent").compareTo(amount) > 0;
    }
}
