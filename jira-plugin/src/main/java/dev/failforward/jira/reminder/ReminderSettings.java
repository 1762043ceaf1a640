package dev.failforward.jira.reminder;

import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.sal.api.pluginsettings.PluginSettings;
import com.atlassian.sal.api.pluginsettings.PluginSettingsFactory;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.Objects;

/**
 * The follow-up reminders' settings, global (Jira administrators change them over REST and on the admin page): whether
 * the daily reminders go out (yes by default), how many days ahead an open action item's owner is reminded (3 by
 * default; 0 reminds only on and after the due date), and after how many days overdue the project lead is told as
 * well (7 by default). The weekly digest is opt-in per user and not switched here.
 */
@Named
public class ReminderSettings {

    /** Values as stored and as sent over REST. */
    public record Values(boolean enabled, int daysAhead, int leadAfterDays) {

        public Values {
            if (daysAhead < 0 || daysAhead > MAX_DAYS_AHEAD) {
                throw new IllegalArgumentException("daysAhead out of 0.." + MAX_DAYS_AHEAD + ": " + daysAhead);
            }
            if (leadAfterDays < 1 || leadAfterDays > MAX_LEAD_AFTER_DAYS) {
                throw new IllegalArgumentException("leadAfterDays out of 1.." + MAX_LEAD_AFTER_DAYS + ": " + leadAfterDays);
            }
        }
    }

    public static final Values DEFAULTS = new Values(true, 3, 7);
    public static final int MAX_DAYS_AHEAD = 30;
    public static final int MAX_LEAD_AFTER_DAYS = 365;

    static final String PREFIX = "dev.failforward.reminders.";

    private final PluginSettingsFactory factory;

    @Inject
    public ReminderSettings(@ComponentImport PluginSettingsFactory factory) {
        this.factory = Objects.requireNonNull(factory, "factory");
    }

    /** The stored values; a value missing or out of range (edited by hand) reads as its default. */
    public Values read() {
        PluginSettings settings = factory.createGlobalSettings();
        boolean enabled = !(settings.get(PREFIX + "enabled") instanceof String text) || !text.equals("false");
        int daysAhead = number(settings.get(PREFIX + "daysAhead"), 0, MAX_DAYS_AHEAD, DEFAULTS.daysAhead());
        int leadAfter = number(settings.get(PREFIX + "leadAfterDays"), 1, MAX_LEAD_AFTER_DAYS, DEFAULTS.leadAfterDays());
        return new Values(enabled, daysAhead, leadAfter);
    }

    public void write(Values values) {
        PluginSettings settings = factory.createGlobalSettings();
        settings.put(PREFIX + "enabled", Boolean.toString(values.enabled()));
        settings.put(PREFIX + "daysAhead", Integer.toString(values.daysAhead()));
        settings.put(PREFIX + "leadAfterDays", Integer.toString(values.leadAfterDays()));
    }

    private static int number(Object stored, int min, int max, int fallback) {
        if (stored instanceof String text && text.matches("[0-9]{1,4}")) {
            int value = Integer.parseInt(text);
            return value >= min && value <= max ? value : fallback;
        }
        return fallback;
    }
}
