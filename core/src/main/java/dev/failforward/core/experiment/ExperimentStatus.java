package dev.failforward.core.experiment;

import java.util.Locale;

/** Where an experiment is in its lifecycle; the Jira workflow has one status per value. */
public enum ExperimentStatus {
    /** The plan is being written. */
    DRAFT,
    /** The plan is complete and checked; the experiment may start. */
    READY,
    /** Running within its time-box and budget; the daily job watches the stop criteria. */
    RUNNING,
    /** Stopped, results are being compared with the success criteria. */
    EVALUATING,
    /** Outcome and decision (persevere, pivot, stop, scale up) recorded with a rationale. */
    DECIDED;

    public String i18nKey() {
        return "failforward.experiment.status." + name().toLowerCase(Locale.ROOT);
    }
}
