package dev.failforward.core.incident;

import java.util.Locale;

/** The moves between {@link IncidentStatus statuses}; there is no way back from CLOSED. */
public enum IncidentTransition {
    START_ANALYSIS(IncidentStatus.REPORTED, IncidentStatus.ANALYSING),
    REVIEW_LEARNINGS(IncidentStatus.ANALYSING, IncidentStatus.LEARNING_REVIEW),
    REOPEN_ANALYSIS(IncidentStatus.LEARNING_REVIEW, IncidentStatus.ANALYSING),
    CLOSE(IncidentStatus.LEARNING_REVIEW, IncidentStatus.CLOSED);

    private final IncidentStatus from;
    private final IncidentStatus to;

    IncidentTransition(IncidentStatus from, IncidentStatus to) {
        this.from = from;
        this.to = to;
    }

    public IncidentStatus from() {
        return from;
    }

    public IncidentStatus to() {
        return to;
    }

    public String i18nKey() {
        return "failforward.incident.transition." + name().toLowerCase(Locale.ROOT);
    }
}
