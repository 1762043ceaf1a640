package dev.failforward.core.incident;

import java.util.Locale;

/** Where an incident (a failure of any kind, not only in IT) is in its blameless review. */
public enum IncidentStatus {
    /** Reported as soon as it was noticed; fast reporting matters more than complete reporting. */
    REPORTED,
    /** Classified and analysed to its causes (5 whys, contributing factors). */
    ANALYSING,
    /** Learnings and next steps are written and reviewed with the team. */
    LEARNING_REVIEW,
    CLOSED;

    public String i18nKey() {
        return "failforward.incident.status." + name().toLowerCase(Locale.ROOT);
    }
}
