package dev.failforward.core.experiment;

import java.util.Locale;

/**
 * The moves between {@link ExperimentStatus statuses}. There is no way back from DECIDED: a pivot is a new experiment
 * that names this one in {@code pivotedFrom}, so the learning history of each plan stays intact.
 */
public enum ExperimentTransition {
    MARK_READY(ExperimentStatus.DRAFT, ExperimentStatus.READY),
    REVISE_PLAN(ExperimentStatus.READY, ExperimentStatus.DRAFT),
    START(ExperimentStatus.READY, ExperimentStatus.RUNNING),
    EVALUATE(ExperimentStatus.RUNNING, ExperimentStatus.EVALUATING),
    RESUME(ExperimentStatus.EVALUATING, ExperimentStatus.RUNNING),
    DECIDE(ExperimentStatus.EVALUATING, ExperimentStatus.DECIDED);

    private final ExperimentStatus from;
    private final ExperimentStatus to;

    ExperimentTransition(ExperimentStatus from, ExperimentStatus to) {
        this.from = from;
        this.to = to;
    }

    public ExperimentStatus from() {
        return from;
    }

    public ExperimentStatus to() {
        return to;
    }

    public String i18nKey() {
        return "failforward.experiment.transition." + name().toLowerCase(Locale.ROOT);
    }
}
