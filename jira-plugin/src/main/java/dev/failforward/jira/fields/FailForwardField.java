package dev.failforward.jira.fields;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The custom fields Fail Forward adds to Jira, by stable key. The key never changes and is how the plugin finds a field
 * again (setup stores the Jira id it got for each key); the display name is translated and may be renamed by admins,
 * so it is never used to look a field up. Select options likewise carry a stable value (the core enum constant).
 */
public enum FailForwardField {

    // ----- experiments
    HYPOTHESIS("hypothesis", Kind.TEXT_AREA, Scope.EXPERIMENT),
    SUCCESS_CRITERIA("successCriteria", Kind.TEXT_AREA, Scope.EXPERIMENT),
    STOP_CRITERIA("stopCriteria", Kind.TEXT_AREA, Scope.EXPERIMENT),
    LEARNING_GOALS("learningGoals", Kind.TEXT_AREA, Scope.EXPERIMENT),
    PHASE("phase", Kind.SELECT, Scope.EXPERIMENT, "failforward.experiment.phase.", "EXPLORE", "EXPERIMENT", "EXECUTE"),
    BUDGET("budget", Kind.NUMBER, Scope.EXPERIMENT),
    BUDGET_SPENT("budgetSpent", Kind.NUMBER, Scope.EXPERIMENT),
    TIME_BOX_DAYS("timeBoxDays", Kind.NUMBER, Scope.EXPERIMENT),
    STARTED_AT("startedAt", Kind.DATE_TIME, Scope.EXPERIMENT),
    OUTCOME("outcome", Kind.SELECT, Scope.EXPERIMENT, "failforward.experiment.outcome.", "CONFIRMED", "REFUTED", "INCONCLUSIVE"),
    DECISION("decision", Kind.SELECT, Scope.EXPERIMENT, "failforward.experiment.decision.", "PERSEVERE", "PIVOT", "STOP", "SCALE_UP"),
    DECISION_RATIONALE("decisionRationale", Kind.TEXT_AREA, Scope.EXPERIMENT),
    /** One line per criterion, "metric: value": the plan against the result (core's {@code ObservedResults}). */
    OBSERVED_RESULTS("observedResults", Kind.TEXT_AREA, Scope.EXPERIMENT),
    DECIDED_AT("decidedAt", Kind.DATE_TIME, Scope.EXPERIMENT),

    // ----- incidents
    DISCOVERED_AT("discoveredAt", Kind.DATE_TIME, Scope.INCIDENT),
    REPORTED_AT("reportedAt", Kind.DATE_TIME, Scope.INCIDENT),
    RESOLVED_AT("resolvedAt", Kind.DATE_TIME, Scope.INCIDENT),
    IMPACT("impact", Kind.TEXT_AREA, Scope.INCIDENT),
    FAILURE_TYPE("failureType", Kind.SELECT, Scope.INCIDENT, "failforward.incident.failuretype.", "BASIC", "COMPLEX", "INTELLIGENT"),
    FAILURE_CATEGORY("failureCategory", Kind.SELECT, Scope.INCIDENT, "failforward.incident.failurecategory.",
            "DESIGN_FLAW", "DATA_GAP", "PROCESS_DEVIATION", "EXTERNAL_SHOCK", "OTHER"),
    FAILURE_MODE("failureMode", Kind.SELECT, Scope.INCIDENT, "failforward.incident.failuremode.", "PROCESS", "OUTCOME"),
    FIVE_WHYS("fiveWhys", Kind.TEXT_AREA, Scope.INCIDENT),
    CONTRIBUTING_FACTORS("contributingFactors", Kind.TEXT_AREA, Scope.INCIDENT),
    LEARNINGS("learnings", Kind.TEXT_AREA, Scope.INCIDENT),
    NEXT_STEPS("nextSteps", Kind.TEXT_AREA, Scope.INCIDENT),

    // ----- both: read-only counts from the failure database, so JQL can search them ("Failure learnings" >= 3)
    LEARNING_COUNT("learningCount", Kind.COUNT, Scope.BOTH),
    NEXT_STEP_COUNT("nextStepCount", Kind.COUNT, Scope.BOTH);

    /** How the field is stored and searched in Jira. */
    public enum Kind {
        TEXT_AREA, SELECT, DATE_TIME, NUMBER,
        /**
         * A number Fail Forward calculates from the failure database (one of its own calculated field types): never
         * edited, on no screen, searchable with Jira's number searchers.
         */
        COUNT
    }

    /** Which of our issue types the field belongs to (its field context and screens). */
    public enum Scope {
        EXPERIMENT, INCIDENT,
        /** Experiments and incidents alike (one field context for both issue types). */
        BOTH
    }

    private final String key;
    private final Kind kind;
    private final Scope scope;
    private final String optionI18nPrefix;
    private final List<String> options;

    FailForwardField(String key, Kind kind, Scope scope) {
        this(key, kind, scope, null);
    }

    FailForwardField(String key, Kind kind, Scope scope, String optionI18nPrefix, String... options) {
        this.key = key;
        this.kind = kind;
        this.scope = scope;
        this.optionI18nPrefix = optionI18nPrefix;
        this.options = List.of(options);
    }

    /** The stable key, equal to the core's field key ({@code dev.failforward.core.lifecycle.FieldKeys}). */
    public String key() {
        return key;
    }

    public Kind kind() {
        return kind;
    }

    public Scope scope() {
        return scope;
    }

    /** i18n key of the field's display name. */
    public String nameI18nKey() {
        return "failforward.field." + key;
    }

    /** i18n key of the field's description (help text under the field). */
    public String descriptionI18nKey() {
        return "failforward.field." + key + ".description";
    }

    /** Stable option values (core enum constant names), in display order; empty unless {@link Kind#SELECT}. */
    public List<String> options() {
        return options;
    }

    /** i18n key of an option's display name, e.g. {@code failforward.experiment.decision.scale_up} (the core enum's key). */
    public String optionI18nKey(String option) {
        if (!options.contains(option)) {
            throw new IllegalArgumentException(option + " is not an option of " + key);
        }
        return optionI18nPrefix + option.toLowerCase(Locale.ROOT);
    }

    /** The field with this stable key, if it is one of ours. */
    public static java.util.Optional<FailForwardField> byKey(String key) {
        for (FailForwardField field : values()) {
            if (field.key.equals(key)) {
                return java.util.Optional.of(field);
            }
        }
        return java.util.Optional.empty();
    }

    public static Set<FailForwardField> of(Scope scope) {
        java.util.EnumSet<FailForwardField> fields = java.util.EnumSet.noneOf(FailForwardField.class);
        for (FailForwardField field : values()) {
            if (field.scope == scope) {
                fields.add(field);
            }
        }
        return fields;
    }
}
