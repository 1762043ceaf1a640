package dev.failforward.preview.jira;

import dev.failforward.jira.kpi.KpiUserContext;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;

/** The preview's user: the machine's time zone (or the one given to the preview) and English. */
public final class PreviewKpiUserContext implements KpiUserContext {

    private final ZoneId zone;

    public PreviewKpiUserContext(ZoneId zone) {
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    @Override
    public ZoneId zone() {
        return zone;
    }

    @Override
    public Locale locale() {
        return Locale.ENGLISH;
    }
}
