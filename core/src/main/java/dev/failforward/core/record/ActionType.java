package dev.failforward.core.record;

import java.util.Locale;

/** What an action item does about a failure. */
public enum ActionType {
    /** Stops the failure from happening again. */
    PREVENT,
    /** Makes the failure less harmful when it happens. */
    MITIGATE,
    /** Notices the failure sooner. */
    DETECT,
    /** Changes how the team works. */
    PROCESS;

    public String i18nKey() {
        return "failforward.failuredb.actiontype." + name().toLowerCase(Locale.ROOT);
    }
}
