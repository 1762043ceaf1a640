package dev.failforward.core.record;

import dev.failforward.core.lifecycle.FieldProblem;
import dev.failforward.core.lifecycle.ProblemCatalog;

import java.util.List;

/**
 * Every problem the failure-database commands report ({@link LearningCommand}, {@link ActionItemCommand},
 * {@link WhyChainCommand}). The i18n key is derived, {@code failforward.failuredb.<field>.<code>}, and each message
 * opens with the field's display name ({@link #fieldI18nKey(String)}); a test checks both and the arity.
 */
public enum FailureDbProblem implements ProblemCatalog {
    /** No argument. */
    LEARNING_TEXT_REQUIRED(Fields.LEARNING_TEXT, "required", 0),
    /** {0} = maximum length. */
    LEARNING_TEXT_TOO_LONG(Fields.LEARNING_TEXT, "tooLong", 1),
    LEARNING_KIND_REQUIRED(Fields.LEARNING_KIND, "required", 0),
    /** {0} = the value given. */
    LEARNING_KIND_UNKNOWN(Fields.LEARNING_KIND, "unknown", 1),
    /** A source title was given without its page's URL. */
    LEARNING_SOURCE_URL_REQUIRED(Fields.LEARNING_SOURCE_URL, "required", 0),
    /** {0} = maximum length. */
    LEARNING_SOURCE_URL_INVALID(Fields.LEARNING_SOURCE_URL, "invalid", 1),
    /** {0} = maximum length. */
    LEARNING_SOURCE_TITLE_TOO_LONG(Fields.LEARNING_SOURCE_TITLE, "tooLong", 1),
    ACTION_DESCRIPTION_REQUIRED(Fields.ACTION_DESCRIPTION, "required", 0),
    /** {0} = maximum length. */
    ACTION_DESCRIPTION_TOO_LONG(Fields.ACTION_DESCRIPTION, "tooLong", 1),
    ACTION_OWNER_REQUIRED(Fields.ACTION_OWNER, "required", 0),
    /** {0} = maximum length. */
    ACTION_OWNER_TOO_LONG(Fields.ACTION_OWNER, "tooLong", 1),
    /** {0} = the user key given, which names no user. */
    ACTION_OWNER_UNKNOWN(Fields.ACTION_OWNER, "unknown", 1),
    ACTION_DUE_DATE_REQUIRED(Fields.ACTION_DUE_DATE, "required", 0),
    /** {0} = the value given. */
    ACTION_DUE_DATE_INVALID(Fields.ACTION_DUE_DATE, "invalid", 1),
    /** {0} = the value given: shaped like a date, but not in the years 0001–9999 the database stores. */
    ACTION_DUE_DATE_OUT_OF_RANGE(Fields.ACTION_DUE_DATE, "outOfRange", 1),
    ACTION_TYPE_REQUIRED(Fields.ACTION_TYPE, "required", 0),
    /** {0} = the value given. */
    ACTION_TYPE_UNKNOWN(Fields.ACTION_TYPE, "unknown", 1),
    /** {0} = the value given. */
    ACTION_STATUS_UNKNOWN(Fields.ACTION_STATUS, "unknown", 1),
    /** {0} = the value given. */
    ACTION_CHECK_IN_DATE_INVALID(Fields.ACTION_CHECK_IN_DATE, "invalid", 1),
    /** {0} = the value given: shaped like a date, but not in the years 0001–9999 the database stores. */
    ACTION_CHECK_IN_DATE_OUT_OF_RANGE(Fields.ACTION_CHECK_IN_DATE, "outOfRange", 1),
    /** {0} = check-in date, {1} = due date (ISO dates). */
    ACTION_CHECK_IN_DATE_BEFORE_DUE(Fields.ACTION_CHECK_IN_DATE, "beforeDue", 2),
    /** {0} = the value given. */
    ACTION_CHECK_IN_RESULT_UNKNOWN(Fields.ACTION_CHECK_IN_RESULT, "unknown", 1),
    ACTION_CHECK_IN_RESULT_NOT_DONE(Fields.ACTION_CHECK_IN_RESULT, "notDone", 0),
    /** {0} = maximum length. */
    ACTION_CHECK_IN_NOTE_TOO_LONG(Fields.ACTION_CHECK_IN_NOTE, "tooLong", 1),
    /** {0} = maximum number. */
    WHY_STEPS_TOO_MANY(Fields.WHY_STEPS, "tooMany", 1),
    /** {0} = the step's position. */
    WHY_QUESTION_REQUIRED(Fields.WHY_QUESTION, "required", 1),
    /** {0} = the step's position, {1} = maximum length. */
    WHY_QUESTION_TOO_LONG(Fields.WHY_QUESTION, "tooLong", 2),
    /** {0} = the step's position. */
    WHY_ANSWER_REQUIRED(Fields.WHY_ANSWER, "required", 1),
    /** {0} = the step's position, {1} = maximum length. */
    WHY_ANSWER_TOO_LONG(Fields.WHY_ANSWER, "tooLong", 2);

    private static final String PREFIX = "failforward.failuredb.";

    private final String field;
    private final String code;
    private final int arity;

    FailureDbProblem(String field, String code, int arity) {
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

    public int arity() {
        return arity;
    }

    public String i18nKey() {
        return PREFIX + field + "." + code;
    }

    /** The key of a failure-database field's display name, e.g. {@code failforward.failuredb.field.learningText}. */
    public static String fieldI18nKey(String field) {
        if (!Fields.ALL.contains(field)) {
            throw new IllegalArgumentException("not a failure-database field: " + field);
        }
        return PREFIX + "field." + field;
    }


    /** Stable keys of the fields of learnings, action items and why steps (the {@link FieldProblem#field()}s). */
    public static final class Fields {
        public static final String LEARNING_TEXT = "learningText";
        public static final String LEARNING_KIND = "learningKind";
        public static final String LEARNING_SOURCE_URL = "learningSourceUrl";
        public static final String LEARNING_SOURCE_TITLE = "learningSourceTitle";
        public static final String ACTION_DESCRIPTION = "actionDescription";
        public static final String ACTION_OWNER = "actionOwner";
        public static final String ACTION_DUE_DATE = "actionDueDate";
        public static final String ACTION_TYPE = "actionType";
        public static final String ACTION_STATUS = "actionStatus";
        public static final String ACTION_CHECK_IN_DATE = "actionCheckInDate";
        public static final String ACTION_CHECK_IN_RESULT = "actionCheckInResult";
        public static final String ACTION_CHECK_IN_NOTE = "actionCheckInNote";
        public static final String WHY_STEPS = "whySteps";
        public static final String WHY_QUESTION = "whyQuestion";
        public static final String WHY_ANSWER = "whyAnswer";

        public static final List<String> ALL = List.of(LEARNING_TEXT, LEARNING_KIND, LEARNING_SOURCE_URL,
                LEARNING_SOURCE_TITLE, ACTION_DESCRIPTION, ACTION_OWNER,
                ACTION_DUE_DATE, ACTION_TYPE, ACTION_STATUS, ACTION_CHECK_IN_DATE, ACTION_CHECK_IN_RESULT,
                ACTION_CHECK_IN_NOTE, WHY_STEPS, WHY_QUESTION, WHY_ANSWER);

        private Fields() {
        }
    }
}
