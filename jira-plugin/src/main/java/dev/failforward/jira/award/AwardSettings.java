package dev.failforward.jira.award;

import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.sal.api.pluginsettings.PluginSettings;
import com.atlassian.sal.api.pluginsettings.PluginSettingsFactory;
import dev.failforward.core.award.AwardException;
import dev.failforward.core.award.AwardSchedule;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * The award period as Jira administrators set it (global plugin settings): months per period (3, quarters, by
 * default), days of voting after it (14) and the time zone the windows open and close in (UTC by default; the
 * instance's zone is the natural choice for an administrator to set). A value that cannot be read falls back to its
 * default, so a bad setting never stops the award. The admin REST resource that writes them comes next session.
 * Running awards keep their dates: {@code AoAwards} freezes them when an award is first used.
 */
@Named
public class AwardSettings {

    static final String PREFIX = "dev.failforward.award.";

    private final PluginSettingsFactory factory;

    @Inject
    public AwardSettings(@ComponentImport PluginSettingsFactory factory) {
        this.factory = Objects.requireNonNull(factory, "factory");
    }

    public AwardSchedule schedule() {
        PluginSettings settings = factory.createGlobalSettings();
        int months = number(settings.get(PREFIX + "months"), AwardSchedule.DEFAULT_MONTHS);
        int votingDays = number(settings.get(PREFIX + "votingDays"), AwardSchedule.DEFAULT_VOTING_DAYS);
        ZoneId zone = ZoneOffset.UTC;
        if (settings.get(PREFIX + "zone") instanceof String id && !id.isBlank()) {
            try {
                zone = ZoneId.of(id.strip());
            } catch (DateTimeException e) {
                // unreadable: UTC
            }
        }
        try {
            return new AwardSchedule(months, votingDays, zone);
        } catch (AwardException e) {
            return AwardSchedule.quarterly(zone);
        }
    }

    /** Stores a schedule (already valid: {@link AwardSchedule} checks its values). */
    public void write(AwardSchedule schedule) {
        PluginSettings settings = factory.createGlobalSettings();
        settings.put(PREFIX + "months", Integer.toString(schedule.months()));
        settings.put(PREFIX + "votingDays", Integer.toString(schedule.votingDays()));
        settings.put(PREFIX + "zone", schedule.zone().getId());
    }

    private static int number(Object stored, int fallback) {
        return stored instanceof String text && text.strip().matches("[0-9]{1,3}") ? Integer.parseInt(text.strip())
                : fallback;
    }
}
