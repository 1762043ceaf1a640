package dev.failforward.core.experiment;

import java.util.Locale;

/**
 * How far an idea has come. Each phase allows a bigger budget and a longer time-box ({@link PhasePolicies}), so that
 * early failures stay small and cheap: explore with little, experiment with more, execute only what has been learned.
 */
public enum Phase {
    EXPLORE,
    EXPERIMENT,
    EXECUTE;

    public String i18nKey() {
        return "failforward.experiment.phase." + name().toLowerCase(Locale.ROOT);
    }
}
