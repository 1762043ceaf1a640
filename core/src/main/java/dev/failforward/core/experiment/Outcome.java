package dev.failforward.core.experiment;

import java.util.Locale;

/** What the results say about the hypothesis. A refuted hypothesis is a result, not a failure of the team. */
public enum Outcome {
    CONFIRMED,
    REFUTED,
    INCONCLUSIVE;

    public String i18nKey() {
        return "failforward.experiment.outcome." + name().toLowerCase(Locale.ROOT);
    }
}
