package dev.failforward.jira.kpi;

import com.atlassian.jira.security.JiraAuthenticationContext;
import com.atlassian.jira.timezone.TimeZoneManager;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;

/** The user's zone from their Jira profile (else Jira's default user time zone) and their Jira locale. */
@Named
public class JiraKpiUserContext implements KpiUserContext {

    private final TimeZoneManager timeZones;
    private final JiraAuthenticationContext authentication;

    @Inject
    public JiraKpiUserContext(@ComponentImport TimeZoneManager timeZones,
                              @ComponentImport JiraAuthenticationContext authentication) {
        this.timeZones = Objects.requireNonNull(timeZones, "timeZones");
        this.authentication = Objects.requireNonNull(authentication, "authentication");
    }

    @Override
    public ZoneId zone() {
        java.util.TimeZone zone = timeZones.getLoggedInUserTimeZone();
        return zone == null ? ZoneId.systemDefault() : zone.toZoneId();
    }

    @Override
    public Locale locale() {
        Locale locale = authentication.getLocale();
        return locale == null ? Locale.getDefault() : locale;
    }
}
