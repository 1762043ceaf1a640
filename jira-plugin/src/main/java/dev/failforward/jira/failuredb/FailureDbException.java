package dev.failforward.jira.failuredb;

import java.io.Serializable;
import java.util.List;

/**
 * An expected refusal of the failure-database service, with a message key for people. The REST layer maps each kind
 * to its status (the service knows nothing about HTTP).
 */
public abstract class FailureDbException extends RuntimeException {

    private final String i18nKey;
    private final List<Serializable> arguments;

    protected FailureDbException(String i18nKey, Serializable... arguments) {
        super(i18nKey);
        this.i18nKey = i18nKey;
        this.arguments = List.of(arguments);
    }

    public String i18nKey() {
        return i18nKey;
    }

    public List<Serializable> arguments() {
        return arguments;
    }

    /**
     * What the request names does not exist — <b>or the user may not browse its project</b>: both cases carry the same
     * key and arguments, so the answer never tells them apart.
     */
    public static final class NotFound extends FailureDbException {
        public NotFound(String i18nKey, Serializable... arguments) {
            super(i18nKey, arguments);
        }
    }

    /** The user may see the record but not change it (no Edit Issues in its project). */
    public static final class EditDenied extends FailureDbException {
        public EditDenied() {
            super("failforward.rest.error.forbidden");
        }
    }

    /** The user may browse more projects than one query can name; they must choose some. {0} = the maximum. */
    public static final class TooManyProjects extends FailureDbException {
        public TooManyProjects(int max) {
            super("failforward.failuredb.error.projects.toomany", max);
        }
    }

    /**
     * A project the request names does not exist or the user may not browse it (same message for both), where the
     * request is about the project itself (KPIs, the pulse): a 403, so a dashboard item can show its no-permission
     * state. {0} = the project key as sent.
     */
    public static final class ProjectHidden extends FailureDbException {
        public ProjectHidden(String projectKey) {
            super("failforward.kpi.error.project.hidden", projectKey);
        }
    }

    /**
     * The user already answered the pulse for this period. {0} = the period, {1} = when the next one opens: as the
     * service throws it, the period's key and an ISO date ("2026-12", "2027-01-01"); the REST layer words both for the
     * user ({@link #worded}: "December 2026", "1 January 2027").
     */
    public static final class AlreadyAnswered extends FailureDbException {
        private final dev.failforward.core.kpi.Period period;

        public AlreadyAnswered(dev.failforward.core.kpi.Period period) {
            this(period, period.label(), period.end().toLocalDate().toString());
        }

        private AlreadyAnswered(dev.failforward.core.kpi.Period period, String periodText, String nextPeriodText) {
            super("failforward.pulse.error.answered", periodText, nextPeriodText);
            this.period = period;
        }

        /** The refused period. */
        public dev.failforward.core.kpi.Period period() {
            return period;
        }

        /** The same refusal with the period and the next one's first day as the user reads them. */
        public AlreadyAnswered worded(String periodText, String nextPeriodText) {
            return new AlreadyAnswered(period, periodText, nextPeriodText);
        }
    }

    /** A saved filter does not exist or is not shared with the user (same message for both). {0} = its id. */
    public static final class FilterHidden extends FailureDbException {
        public FilterHidden(long filterId) {
            super("failforward.kpi.error.filter.hidden", Long.toString(filterId));
        }
    }

    /**
     * A request field names something that cannot be used (a project that does not exist or is hidden, an issue the
     * user cannot see, …): a 400 naming the field as sent.
     */
    public static final class BadField extends FailureDbException {
        private final String field;
        private final String code;

        public BadField(String field, String code, String i18nKey, Serializable... arguments) {
            super(i18nKey, arguments);
            this.field = field;
            this.code = code;
        }

        public String field() {
            return field;
        }

        public String code() {
            return code;
        }
    }

    /** The user may see the project a field names but not do this there (create issues): a 403 naming the field. */
    public static final class FieldDenied extends FailureDbException {
        private final String field;

        public FieldDenied(String field, String i18nKey, Serializable... arguments) {
            super(i18nKey, arguments);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    /** The action item already has a follow-up issue: a 409. {0} = that key. */
    public static final class FollowUpExists extends FailureDbException {
        public FollowUpExists(String followUpKey) {
            super("failforward.followup.error.exists", followUpKey);
        }
    }
}
