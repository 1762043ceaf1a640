package dev.failforward.core.lifecycle;

import java.util.List;

/**
 * The stable keys of the fields a {@link FieldProblem} can be about. Workflow validators map each key to the Jira
 * custom field they created for it and show the problem next to that field; the Jira setup names each field from the
 * i18n key {@link #i18nKey(String)}. Never rename a key once released: stored configuration refers to them.
 */
public final class FieldKeys {

    // experiment: the plan
    public static final String HYPOTHESIS = "hypothesis";
    public static final String SUCCESS_CRITERIA = "successCriteria";
    public static final String STOP_CRITERIA = "stopCriteria";
    public static final String LEARNING_GOALS = "learningGoals";
    public static final String PHASE = "phase";
    public static final String BUDGET = "budget";
    public static final String BUDGET_SPENT = "budgetSpent";
    public static final String TIME_BOX_DAYS = "timeBoxDays";
    public static final String STARTED_AT = "startedAt";
    // experiment: the decision
    public static final String OUTCOME = "outcome";
    public static final String DECISION = "decision";
    public static final String DECISION_RATIONALE = "decisionRationale";
    /** One line per success/stop criterion, "metric: value" ({@code dev.failforward.core.criteria.ObservedResults}). */
    public static final String OBSERVED_RESULTS = "observedResults";
    public static final String DECIDED_AT = "decidedAt";
    public static final String PIVOTED_FROM = "pivotedFrom";
    // incident
    public static final String DISCOVERED_AT = "discoveredAt";
    public static final String REPORTED_AT = "reportedAt";
    public static final String RESOLVED_AT = "resolvedAt";
    public static final String IMPACT = "impact";
    public static final String FAILURE_TYPE = "failureType";
    public static final String FAILURE_CATEGORY = "failureCategory";
    public static final String FAILURE_MODE = "failureMode";
    public static final String FIVE_WHYS = "fiveWhys";
    public static final String CONTRIBUTING_FACTORS = "contributingFactors";
    public static final String LEARNINGS = "learnings";
    public static final String NEXT_STEPS = "nextSteps";

    /** Every key, experiment fields first, each in the order a form shows them. */
    public static final List<String> ALL = List.of(
            HYPOTHESIS, SUCCESS_CRITERIA, STOP_CRITERIA, LEARNING_GOALS, PHASE, BUDGET, BUDGET_SPENT, TIME_BOX_DAYS,
            STARTED_AT, OUTCOME, DECISION, DECISION_RATIONALE, OBSERVED_RESULTS, DECIDED_AT, PIVOTED_FROM,
            DISCOVERED_AT, REPORTED_AT, RESOLVED_AT, IMPACT, FAILURE_TYPE, FAILURE_CATEGORY, FAILURE_MODE, FIVE_WHYS,
            CONTRIBUTING_FACTORS, LEARNINGS, NEXT_STEPS);

    private static final String I18N_PREFIX = "failforward.field.";

    private FieldKeys() {
    }

    public static boolean isKnown(String field) {
        return field != null && ALL.contains(field);
    }

    /** The key of the field's display name, e.g. {@code failforward.field.timeBoxDays}. */
    public static String i18nKey(String field) {
        if (!isKnown(field)) {
            throw new IllegalArgumentException("not a field key: " + field);
        }
        return I18N_PREFIX + field;
    }
}
