package dev.failforward.core.experiment;

import dev.failforward.core.lifecycle.FieldKeys;
import dev.failforward.core.lifecycle.ProblemCatalog;

/**
 * Every problem {@link ExperimentRules} reports itself (hypothesis findings come with the linter's own codes and
 * keys). The i18n key is derived, {@code failforward.experiment.<field>.<code>}, so key, field and code cannot drift
 * apart; a test checks every key exists and uses exactly {@link #arity()} arguments.
 */
public enum ExperimentProblem implements ProblemCatalog {
    HYPOTHESIS_REQUIRED(FieldKeys.HYPOTHESIS, "required", 0),
    /** {0} = the longest hypothesis accepted, in characters. */
    HYPOTHESIS_TOO_LONG(FieldKeys.HYPOTHESIS, "tooLong", 1),
    SUCCESS_CRITERIA_REQUIRED(FieldKeys.SUCCESS_CRITERIA, "required", 0),
    /** {0} = the line, shortened to 80 characters. */
    SUCCESS_CRITERIA_UNPARSED(FieldKeys.SUCCESS_CRITERIA, "unparsed", 1),
    /** Only deadlines or budgets: they say when to stop, not what success is. */
    SUCCESS_CRITERIA_NO_METRIC(FieldKeys.SUCCESS_CRITERIA, "noMetric", 0),
    STOP_CRITERIA_REQUIRED(FieldKeys.STOP_CRITERIA, "required", 0),
    /** {0} = the line, shortened to 80 characters. */
    STOP_CRITERIA_UNPARSED(FieldKeys.STOP_CRITERIA, "unparsed", 1),
    LEARNING_GOALS_REQUIRED(FieldKeys.LEARNING_GOALS, "required", 0),
    PHASE_REQUIRED(FieldKeys.PHASE, "required", 0),
    /** {0} = the budget given. */
    BUDGET_NOT_POSITIVE(FieldKeys.BUDGET, "notPositive", 1),
    /** {0} = the budget given, {1} = the phase's ceiling. */
    BUDGET_OVER_CEILING(FieldKeys.BUDGET, "overCeiling", 2),
    TIME_BOX_REQUIRED(FieldKeys.TIME_BOX_DAYS, "required", 0),
    /** {0} = the days given. */
    TIME_BOX_NOT_POSITIVE(FieldKeys.TIME_BOX_DAYS, "notPositive", 1),
    /** {0} = the days given, {1} = the phase's maximum. */
    TIME_BOX_OVER_MAX(FieldKeys.TIME_BOX_DAYS, "overMax", 2),
    OUTCOME_REQUIRED(FieldKeys.OUTCOME, "required", 0),
    DECISION_REQUIRED(FieldKeys.DECISION, "required", 0),
    DECISION_RATIONALE_REQUIRED(FieldKeys.DECISION_RATIONALE, "required", 0),
    /** {0} = the minimum length, {1} = the length written. */
    DECISION_RATIONALE_TOO_SHORT(FieldKeys.DECISION_RATIONALE, "tooShort", 2);

    private final String field;
    private final String code;
    private final int arity;

    ExperimentProblem(String field, String code, int arity) {
        this.field = field;
        this.code = code;
        this.arity = arity;
    }

    public String field() {
        return field;
    }

    public String code() {
        return code;
    }

    public String i18nKey() {
        return "failforward.experiment." + field + "." + code;
    }

    /** How many message arguments the problem carries. */
    public int arity() {
        return arity;
    }

}
