package dev.failforward.jira.kpi;

import java.time.ZoneId;
import java.util.Locale;

/** The current user's time zone (KPI periods are cut at their local midnight) and locale (period labels). */
public interface KpiUserContext {

    ZoneId zone();

    Locale locale();
}
