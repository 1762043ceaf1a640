package dev.failforward.core.criteria;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * "<i>metric</i> <i>comparator</i> <i>threshold</i> <i>unit</i>": "p95 latency &lt; 300 ms", "error rate stays below
 * 1%", "fewer than 3 sev-1 incidents per quarter".
 *
 * @param metric    what is measured, as written ("p95 latency", "sev-1 incidents"); for a change ("revenue grows by
 *                  10%") the metric ends in "increase" or "decrease" ("revenue increase")
 * @param threshold the number, with "k"/"thousand"/"million" applied and trailing zeros removed (2k = 2000, 3.50 = 3.5)
 * @param unit      "%" (also for "percent"), "pp", a unit as written in lower case ("ms", "hours"), a currency code
 *                  ("EUR"), a rate ("per month", "% per quarter", "USD per customer"), or {@code null} for a count
 */
public record MetricCriterion(String text, String metric, Comparator comparator, BigDecimal threshold, String unit)
        implements Criterion {

    public MetricCriterion {
        Texts.requireText(text, "text");
        Texts.requireText(metric, "metric");
        Objects.requireNonNull(comparator, "comparator");
        Objects.requireNonNull(threshold, "threshold");
        if (unit != null && unit.isBlank()) {
            throw new IllegalArgumentException("unit must be null or text");
        }
    }

    /** True when a measured {@code value} meets this criterion. */
    public boolean isMetBy(BigDecimal value) {
        return comparator.test(value, threshold);
    }
}
