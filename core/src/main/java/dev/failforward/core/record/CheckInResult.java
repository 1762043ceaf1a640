package dev.failforward.core.record;

import java.util.Locale;

/** Whether a done action item worked, judged at its effectiveness check-in. None yet is {@code null}. */
public enum CheckInResult {
    EFFECTIVE,
    PARTLY,
    NOT_EFFECTIVE;

    public String i18nKey() {
        return "failforward.failuredb.checkinresult." + name().toLowerCase(Locale.ROOT);
    }
}
