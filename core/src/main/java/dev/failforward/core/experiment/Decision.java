package dev.failforward.core.experiment;

import java.util.Locale;

/** What the team does next. A PIVOT starts a new experiment that names this one in {@code pivotedFrom}. */
public enum Decision {
    PERSEVERE,
    PIVOT,
    STOP,
    SCALE_UP;

    public String i18nKey() {
        return "failforward.experiment.decision." + name().toLowerCase(Locale.ROOT);
    }
}
