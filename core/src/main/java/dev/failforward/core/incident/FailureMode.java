package dev.failforward.core.incident;

import java.util.Locale;

/**
 * Whether the way of working failed ({@link #PROCESS}: a good decision badly carried out) or only the result
 * ({@link #OUTCOME}: a sound process met a bad result). Telling them apart keeps people from being blamed for luck.
 */
public enum FailureMode {
    PROCESS,
    OUTCOME;

    public String i18nKey() {
        return "failforward.incident.failuremode." + name().toLowerCase(Locale.ROOT);
    }

    public String descriptionKey() {
        return i18nKey() + ".description";
    }
}
