package dev.failforward.core.experiment;

import java.util.List;

/** Every breach {@link ExperimentRules#breaches} reports, with its message key and number of arguments. */
public enum BreachReason {
    /** {0} = the time-box in days, {1} = when it ended (ISO-8601 instant). */
    TIMEBOX(Breach.TIMEBOX, "failforward.experiment.breach.timebox", 2),
    /** {0} = spent, {1} = the budget field. */
    BUDGET(Breach.BUDGET, "failforward.experiment.breach.budget", 2),
    /** {0} = spent, {1} = the cap in a stop criterion, {2} = that criterion's text. */
    BUDGET_CRITERION(Breach.BUDGET, "failforward.experiment.breach.budgetCriterion", 3),
    /** {0} = the date (ISO-8601), {1} = the criterion's text. */
    DEADLINE(Breach.DEADLINE, "failforward.experiment.breach.deadline", 2);

    private final String kind;
    private final String i18nKey;
    private final int arity;

    BreachReason(String kind, String i18nKey, int arity) {
        this.kind = kind;
        this.i18nKey = i18nKey;
        this.arity = arity;
    }

    public String kind() {
        return kind;
    }

    public String i18nKey() {
        return i18nKey;
    }

    public int arity() {
        return arity;
    }

    public Breach breach(String... arguments) {
        if (arguments.length != arity) {
            throw new IllegalArgumentException(this + " takes " + arity + " arguments, not " + arguments.length);
        }
        return new Breach(kind, i18nKey, List.of(arguments));
    }
}
