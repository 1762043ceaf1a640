package dev.failforward.core.criteria;

import java.util.List;
import java.util.Objects;

/**
 * What {@link CriteriaParser#parse(String)} made of a text.
 *
 * @param criteria      one per recognised line, in text order
 * @param unparsedLines the lines (bullet stripped, trimmed) that are not a criterion, in text order
 */
public record CriteriaParse(List<Criterion> criteria, List<String> unparsedLines) {

    /** Nothing written. */
    public static final CriteriaParse EMPTY = new CriteriaParse(List.of(), List.of());

    public CriteriaParse {
        criteria = List.copyOf(Objects.requireNonNull(criteria, "criteria"));
        unparsedLines = List.copyOf(Objects.requireNonNull(unparsedLines, "unparsedLines"));
    }

    /** True when the text can be checked as written: at least one criterion and no line that is not one. */
    public boolean measurable() {
        return !criteria.isEmpty() && unparsedLines.isEmpty();
    }

    public List<MetricCriterion> metrics() {
        return only(MetricCriterion.class);
    }

    public List<DeadlineCriterion> deadlines() {
        return only(DeadlineCriterion.class);
    }

    public List<BudgetCriterion> budgets() {
        return only(BudgetCriterion.class);
    }

    private <T extends Criterion> List<T> only(Class<T> type) {
        return criteria.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
