package dev.failforward.core.incident;

import java.util.Locale;

/** Where the main cause lay, for finding recurring failures across incidents. */
public enum FailureCategory {
    DESIGN_FLAW,
    DATA_GAP,
    PROCESS_DEVIATION,
    EXTERNAL_SHOCK,
    OTHER;

    public String i18nKey() {
        return "failforward.incident.failurecategory." + name().toLowerCase(Locale.ROOT);
    }
}
