package dev.failforward.jira.award;

import com.atlassian.jira.timezone.TimeZoneManager;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.sal.api.pluginsettings.PluginSettings;
import com.atlassian.sal.api.pluginsettings.PluginSettingsFactory;
import dev.failforward.core.award.AwardException;
import dev.failforward.core.award.AwardSchedule;
import dev.failforward.core.award.AwardScope;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TimeZone;
import java.util.function.Supplier;

/**
 * The award as Jira administrators set it (global plugin settings {@code dev.failforward.award.*}): months per period
 * (3, quarters, by default), days of voting after it (14), the time zone the windows open and close in (by default
 * Jira's default user time zone, so a window opens at midnight where the instance's people are), and the project
 * groups that have an award of their own besides the instance's. A value that cannot be read falls back to its
 * default (a group line that cannot be read is skipped), so a bad setting never stops the award. Running awards keep
 * their dates: {@code AoAwards} freezes them when an award is first used.
 *
 * <p>Groups are stored one per line as {@code slug|name|KEY1,KEY2}: the slug and the keys never contain {@code |}, the
 * name may (it is what lies between the first and the last {@code |}).
 */
@Named
public class AwardSettings {

    static final String PREFIX = "dev.failforward.award.";
    static final String GROUPS = PREFIX + "groups";
    /** At most this many project groups: each has its own award, shown to everybody who may browse one project. */
    public static final int MAX_GROUPS = 50;

    private final PluginSettingsFactory factory;
    private final Supplier<ZoneId> instanceZone;

    @Inject
    public AwardSettings(@ComponentImport PluginSettingsFactory factory, @ComponentImport TimeZoneManager timeZones) {
        this(factory, () -> Optional.ofNullable(timeZones.getDefaultTimezone()).map(TimeZone::toZoneId)
                .orElse(ZoneOffset.UTC));
    }

    /** With UTC as the instance's zone (tests). */
    public AwardSettings(PluginSettingsFactory factory) {
        this(factory, () -> ZoneOffset.UTC);
    }

    public AwardSettings(PluginSettingsFactory factory, Supplier<ZoneId> instanceZone) {
        this.factory = Objects.requireNonNull(factory, "factory");
        this.instanceZone = Objects.requireNonNull(instanceZone, "instanceZone");
    }

    public AwardSchedule schedule() {
        PluginSettings settings = factory.createGlobalSettings();
        int months = number(settings.get(PREFIX + "months"), AwardSchedule.DEFAULT_MONTHS);
        int votingDays = number(settings.get(PREFIX + "votingDays"), AwardSchedule.DEFAULT_VOTING_DAYS);
        ZoneId zone = instanceZone();
        if (settings.get(PREFIX + "zone") instanceof String id && !id.isBlank()) {
            try {
                zone = ZoneId.of(id.strip());
            } catch (DateTimeException e) {
                // unreadable: the instance's zone
            }
        }
        try {
            return new AwardSchedule(months, votingDays, zone);
        } catch (AwardException e) {
            return AwardSchedule.quarterly(zone);
        }
    }

    /** Whether an administrator chose the zone (else it follows the instance's). */
    public boolean zoneSet() {
        return factory.createGlobalSettings().get(PREFIX + "zone") instanceof String id && !id.isBlank();
    }

    /** Jira's default user time zone: the award's zone unless an administrator chose another. */
    public ZoneId instanceZone() {
        try {
            return instanceZone.get();
        } catch (RuntimeException e) {
            return ZoneOffset.UTC;
        }
    }

    /** Stores a schedule (already valid: {@link AwardSchedule} checks its values), its zone chosen. */
    public void write(AwardSchedule schedule) {
        write(schedule, true);
    }

    /**
     * Stores a schedule; with {@code zoneChosen} false the zone is not stored, so the award follows the instance's
     * zone (also when Jira's default zone changes later).
     */
    public void write(AwardSchedule schedule, boolean zoneChosen) {
        PluginSettings settings = factory.createGlobalSettings();
        settings.put(PREFIX + "months", Integer.toString(schedule.months()));
        settings.put(PREFIX + "votingDays", Integer.toString(schedule.votingDays()));
        if (zoneChosen) {
            settings.put(PREFIX + "zone", schedule.zone().getId());
        } else {
            settings.remove(PREFIX + "zone");
        }
    }

    /** The project groups, in the order the administrator listed them (each valid, slugs unique). */
    public List<AwardScope> groups() {
        Map<String, AwardScope> groups = new LinkedHashMap<>();
        if (factory.createGlobalSettings().get(GROUPS) instanceof String text) {
            for (String line : text.split("\n")) {
                int first = line.indexOf('|');
                int last = line.lastIndexOf('|');
                if (first <= 0 || last <= first) {
                    continue;
                }
                try {
                    AwardScope group = AwardScope.group(line.substring(0, first).strip(),
                            line.substring(first + 1, last), Arrays.stream(line.substring(last + 1).split(","))
                                    .map(String::strip).filter(k -> !k.isEmpty()).toList());
                    groups.putIfAbsent(group.key(), group);
                } catch (AwardException e) {
                    // unreadable line: skipped
                }
            }
        }
        return List.copyOf(groups.values());
    }

    /** Stores the project groups (already valid: {@link AwardScope#group} checks them; the caller checks slugs). */
    public void writeGroups(List<AwardScope> groups) {
        List<String> lines = new ArrayList<>();
        for (AwardScope group : groups) {
            lines.add(group.key() + "|" + group.name().replace('\n', ' ') + "|"
                    + String.join(",", group.projectKeys()));
        }
        factory.createGlobalSettings().put(GROUPS, String.join("\n", lines));
    }

    /** Every scope: the instance first, then the groups. */
    public List<AwardScope> scopes() {
        List<AwardScope> scopes = new ArrayList<>();
        scopes.add(AwardScope.instance());
        scopes.addAll(groups());
        return scopes;
    }

    /** The scope with this key, if the instance or a configured group. */
    public Optional<AwardScope> scope(String key) {
        return scopes().stream().filter(s -> s.key().equals(key)).findFirst();
    }

    private static int number(Object stored, int fallback) {
        return stored instanceof String text && text.strip().matches("[0-9]{1,3}") ? Integer.parseInt(text.strip())
                : fallback;
    }
}
