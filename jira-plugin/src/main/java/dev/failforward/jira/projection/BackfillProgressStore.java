package dev.failforward.jira.projection;

import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.sal.api.pluginsettings.PluginSettings;
import com.atlassian.sal.api.pluginsettings.PluginSettingsFactory;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * The backfill's {@link BackfillProgress} in SAL's global plugin settings, one String per field under
 * {@value #PREFIX}{@code *}. Plugin settings live in Jira's database, so the node that runs the job and the node that
 * serves the admin page see the same progress, and a run continues from the checkpoint after a restart.
 */
@Named
public class BackfillProgressStore {

    static final String PREFIX = "dev.failforward.jira:backfill:";
    /** The longest error text kept (plugin settings values should stay small). */
    static final int ERROR_MAX_LENGTH = 500;

    private final PluginSettingsFactory pluginSettingsFactory;

    @Inject
    public BackfillProgressStore(@ComponentImport PluginSettingsFactory pluginSettingsFactory) {
        this.pluginSettingsFactory = Objects.requireNonNull(pluginSettingsFactory, "pluginSettingsFactory");
    }

    public BackfillProgress read() {
        PluginSettings settings = pluginSettingsFactory.createGlobalSettings();
        String state = text(settings, "state");
        if (state == null) {
            return BackfillProgress.NEVER_RUN;
        }
        return new BackfillProgress(
                enumOr(BackfillProgress.State.class, state, BackfillProgress.State.IDLE),
                enumOr(BackfillProgress.Phase.class, text(settings, "phase"), BackfillProgress.Phase.PROJECTING),
                number(settings, "checkpoint"), number(settings, "repairCheckpoint"), number(settings, "processed"),
                number(settings, "failed"), number(settings, "removed"), number(settings, "total"),
                instant(settings, "startedAt"), instant(settings, "finishedAt"), text(settings, "lastError"));
    }

    public void write(BackfillProgress progress) {
        PluginSettings settings = pluginSettingsFactory.createGlobalSettings();
        put(settings, "phase", progress.phase().name());
        put(settings, "checkpoint", Long.toString(progress.checkpoint()));
        put(settings, "repairCheckpoint", Long.toString(progress.repairCheckpoint()));
        put(settings, "processed", Long.toString(progress.processed()));
        put(settings, "failed", Long.toString(progress.failed()));
        put(settings, "removed", Long.toString(progress.removed()));
        put(settings, "total", Long.toString(progress.total()));
        put(settings, "startedAt", progress.startedAt() == null ? null : progress.startedAt().toString());
        put(settings, "finishedAt", progress.finishedAt() == null ? null : progress.finishedAt().toString());
        String error = progress.lastError();
        put(settings, "lastError", error == null || error.length() <= ERROR_MAX_LENGTH ? error
                : error.substring(0, ERROR_MAX_LENGTH));
        put(settings, "state", progress.state().name()); // last: a reader never sees a new state with old numbers
    }

    private static void put(PluginSettings settings, String key, String value) {
        if (value == null) {
            settings.remove(PREFIX + key);
        } else {
            settings.put(PREFIX + key, value);
        }
    }

    private static String text(PluginSettings settings, String key) {
        Object value = settings.get(PREFIX + key);
        return value instanceof String text && !text.isBlank() ? text : null;
    }

    private static long number(PluginSettings settings, String key) {
        String text = text(settings, key);
        try {
            return text == null ? 0 : Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static Instant instant(PluginSettings settings, String key) {
        String text = text(settings, key);
        try {
            return text == null ? null : Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static <E extends Enum<E>> E enumOr(Class<E> type, String name, E fallback) {
        try {
            return name == null ? fallback : Enum.valueOf(type, name.strip());
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }
}
