package dev.failforward.core.incident;

import java.util.Locale;

/**
 * The spectrum of failure (after Amy Edmondson): what kind of failure it was, not who is to blame.
 * {@link #descriptionKey()} explains each type where people classify.
 */
public enum FailureType {
    /** A preventable failure in known territory: a checklist step skipped, a known procedure not followed. */
    BASIC,
    /** Several factors, each harmless alone, came together in a familiar setting. */
    COMPLEX,
    /** An undesired result of a thoughtful experiment in new territory, as small as possible and learned from. */
    INTELLIGENT;

    public String i18nKey() {
        return "failforward.incident.failuretype." + name().toLowerCase(Locale.ROOT);
    }

    public String descriptionKey() {
        return i18nKey() + ".description";
    }
}
