package dev.failforward.core.award;

import dev.failforward.core.lifecycle.ProblemCatalog;

/**
 * Every problem the award rules report. The i18n key is derived, {@code failforward.award.<field>.<code>}; the field
 * names what the user sent ({@code scope}, {@code period}, {@code record}, {@code reason}, {@code vote}).
 */
public enum AwardProblem implements ProblemCatalog {
    SCOPE_KEY_INVALID(Fields.SCOPE, "keyInvalid", 1),
    SCOPE_NAME_REQUIRED(Fields.SCOPE, "nameRequired", 0),
    /** {0} = maximum length. */
    SCOPE_NAME_TOO_LONG(Fields.SCOPE, "nameTooLong", 1),
    SCOPE_PROJECTS_REQUIRED(Fields.SCOPE, "projectsRequired", 0),
    /** {0} = the value given. */
    SCOPE_PROJECT_INVALID(Fields.SCOPE, "projectInvalid", 1),
    /** {0} = the value given. */
    PERIOD_MONTHS_INVALID(Fields.PERIOD, "monthsInvalid", 1),
    /** {0} = the value given, {1} = maximum. */
    PERIOD_VOTING_DAYS_INVALID(Fields.PERIOD, "votingDaysInvalid", 2),
    /** An administrator's "advance" of an award not yet taking nominations: {0} = award id, {1} = when they open. */
    PERIOD_ADVANCE_NOT_OPEN(Fields.PERIOD, "advanceNotOpen", 2),
    /** An administrator's "advance" of an award whose voting has closed: {0} = award id, {1} = when it closed. */
    PERIOD_ADVANCE_CLOSED(Fields.PERIOD, "advanceClosed", 2),
    RECORD_REQUIRED(Fields.RECORD, "required", 0),
    /** {0} = the value given. */
    RECORD_INVALID(Fields.RECORD, "invalid", 1),
    /** {0} = record key: its project is not in the award's scope. */
    RECORD_OUT_OF_SCOPE(Fields.RECORD, "outOfScope", 1),
    /** {0} = record key. */
    RECORD_ALREADY_NOMINATED(Fields.RECORD, "alreadyNominated", 1),
    /** {0} = record key. */
    RECORD_NOT_NOMINATED(Fields.RECORD, "notNominated", 1),
    REASON_REQUIRED(Fields.REASON, "required", 0),
    /** {0} = maximum length. */
    REASON_TOO_LONG(Fields.REASON, "tooLong", 1),
    /** {0} = when nominations open (ISO instant). */
    NOMINATION_NOT_OPEN(Fields.RECORD, "nominationNotOpen", 1),
    /** {0} = when nominations closed (ISO instant). */
    NOMINATION_CLOSED(Fields.RECORD, "nominationClosed", 1),
    /** {0} = when voting opens (ISO instant). */
    VOTE_NOT_OPEN(Fields.VOTE, "notOpen", 1),
    /** {0} = when voting closed (ISO instant). */
    VOTE_CLOSED(Fields.VOTE, "closed", 1),
    VOTE_ALREADY_CAST(Fields.VOTE, "alreadyCast", 0);

    private static final String PREFIX = "failforward.award.";

    private final String field;
    private final String code;
    private final int arity;

    AwardProblem(String field, String code, int arity) {
        this.field = field;
        this.code = code;
        this.arity = arity;
    }

    @Override
    public String field() {
        return field;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public int arity() {
        return arity;
    }

    @Override
    public String i18nKey() {
        return PREFIX + field + "." + code;
    }

    /** The problem as an exception, with its message arguments. */
    public AwardException exception(String... arguments) {
        return new AwardException(this, problem(arguments));
    }

    /** Stable keys of the fields an award request carries (the {@code FieldProblem#field()}s). */
    public static final class Fields {
        public static final String SCOPE = "scope";
        public static final String PERIOD = "period";
        public static final String RECORD = "record";
        public static final String REASON = "reason";
        public static final String VOTE = "vote";

        private Fields() {
        }
    }
}
