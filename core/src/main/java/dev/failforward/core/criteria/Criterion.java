package dev.failforward.core.criteria;

/** One success or stop criterion, parsed from one line of text. */
public sealed interface Criterion permits MetricCriterion, DeadlineCriterion, BudgetCriterion {

    /** The line it was parsed from, without its bullet, trimmed. */
    String text();
}
