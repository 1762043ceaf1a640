package dev.failforward.core.experiment;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * How big an experiment of one phase may be: small, non-catastrophic bets first.
 *
 * @param budgetCeiling  the largest budget allowed, in the site's currency, or {@code null} for no ceiling
 * @param maxTimeBoxDays the longest time-box allowed, in days, at least 1
 */
public record PhasePolicy(Phase phase, BigDecimal budgetCeiling, int maxTimeBoxDays) {

    public PhasePolicy {
        Objects.requireNonNull(phase, "phase");
        if (budgetCeiling != null && budgetCeiling.signum() <= 0) {
            throw new IllegalArgumentException("budgetCeiling must be positive or null: " + budgetCeiling);
        }
        if (maxTimeBoxDays <= 0) {
            throw new IllegalArgumentException("maxTimeBoxDays must be positive: " + maxTimeBoxDays);
        }
    }

    /** True when {@code budget} is within the ceiling (equal is allowed); always true without a ceiling. */
    public boolean allowsBudget(BigDecimal budget) {
        return budgetCeiling == null || budget.compareTo(budgetCeiling) <= 0;
    }

    public boolean allowsTimeBox(int days) {
        return days <= maxTimeBoxDays;
    }
}
