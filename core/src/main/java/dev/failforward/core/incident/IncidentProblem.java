package dev.failforward.core.incident;

import dev.failforward.core.lifecycle.FieldKeys;
import dev.failforward.core.lifecycle.ProblemCatalog;

/**
 * Every problem {@link IncidentRules} reports. The i18n key is derived, {@code failforward.incident.<field>.<code>},
 * so key, field and code cannot drift apart; a test checks every key exists and uses exactly {@link #arity()}
 * arguments.
 */
public enum IncidentProblem implements ProblemCatalog {
    DISCOVERED_AT_REQUIRED(FieldKeys.DISCOVERED_AT, "required", 0),
    /** {0} = discovered, {1} = reported (ISO-8601 instants). */
    DISCOVERED_AT_AFTER_REPORTED(FieldKeys.DISCOVERED_AT, "afterReported", 2),
    /** {0} = resolved, {1} = discovered (ISO-8601 instants). */
    RESOLVED_AT_BEFORE_DISCOVERED(FieldKeys.RESOLVED_AT, "beforeDiscovered", 2),
    FAILURE_TYPE_REQUIRED(FieldKeys.FAILURE_TYPE, "required", 0),
    FAILURE_CATEGORY_REQUIRED(FieldKeys.FAILURE_CATEGORY, "required", 0),
    FAILURE_MODE_REQUIRED(FieldKeys.FAILURE_MODE, "required", 0),
    FIVE_WHYS_REQUIRED(FieldKeys.FIVE_WHYS, "required", 0),
    /** {0} = how many are needed, {1} = how many there are. */
    LEARNINGS_TOO_FEW(FieldKeys.LEARNINGS, "tooFew", 2),
    /** {0} = how many are needed, {1} = how many there are. */
    NEXT_STEPS_TOO_FEW(FieldKeys.NEXT_STEPS, "tooFew", 2);

    private final String field;
    private final String code;
    private final int arity;

    IncidentProblem(String field, String code, int arity) {
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
        return "failforward.incident." + field + "." + code;
    }

    public int arity() {
        return arity;
    }

}
