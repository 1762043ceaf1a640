package dev.failforward.core.record;

import java.util.Locale;

/** Where an action item is. */
public enum ActionStatus {
    OPEN,
    DONE,
    DROPPED;

    public String i18nKey() {
        return "failforward.failuredb.actionstatus." + name().toLowerCase(Locale.ROOT);
    }
}
