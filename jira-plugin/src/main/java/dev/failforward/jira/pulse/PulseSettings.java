package dev.failforward.jira.pulse;

import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.sal.api.pluginsettings.PluginSettings;
import com.atlassian.sal.api.pluginsettings.PluginSettingsFactory;
import dev.failforward.core.kpi.Granularity;
import dev.failforward.core.kpi.KpiEngine;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.Base64;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The pulse's settings, global (Jira administrators change them over REST): how often the question is asked
 * (monthly by default, or quarterly) and how many answers a result needs before anyone sees it (5 by default; it can
 * be raised, never lowered below 5). No secret lives here: plugin settings are stored in Jira's database, and the
 * pulse's keys are in the {@link dev.failforward.jira.secrets.SecretStore}.
 */
@Named
public class PulseSettings {

    /** Values as stored and as sent over REST. */
    public record Values(Granularity granularity, int minAnswers) {

        public Values {
            Objects.requireNonNull(granularity, "granularity");
            if (minAnswers < KpiEngine.MIN_SHARING_ANSWERS) {
                throw new IllegalArgumentException("minAnswers below " + KpiEngine.MIN_SHARING_ANSWERS);
            }
        }
    }

    static final String PREFIX = "dev.failforward.pulse.";
    /** Where earlier versions kept the guard-hash key (migrated, then removed). */
    static final String LEGACY_SECRET = "secret";
    /** Guard against a typo making results unreachable. */
    public static final int MAX_MIN_ANSWERS = 1000;

    private final PluginSettingsFactory factory;

    @Inject
    public PulseSettings(@ComponentImport PluginSettingsFactory factory) {
        this.factory = Objects.requireNonNull(factory, "factory");
    }

    public Values read() {
        PluginSettings settings = factory.createGlobalSettings();
        Granularity granularity = Granularity.MONTH;
        Object stored = settings.get(PREFIX + "granularity");
        if (stored instanceof String text && text.equalsIgnoreCase("quarter")) {
            granularity = Granularity.QUARTER;
        }
        int minAnswers = KpiEngine.MIN_SHARING_ANSWERS;
        if (settings.get(PREFIX + "minAnswers") instanceof String text && text.matches("[0-9]{1,4}")) {
            minAnswers = Math.max(minAnswers, Math.min(MAX_MIN_ANSWERS, Integer.parseInt(text)));
        }
        return new Values(granularity, minAnswers);
    }

    public void write(Values values) {
        PluginSettings settings = factory.createGlobalSettings();
        settings.put(PREFIX + "granularity", values.granularity().name().toLowerCase(Locale.ROOT));
        settings.put(PREFIX + "minAnswers", Integer.toString(values.minAnswers()));
    }

    /**
     * The guard-hash key that earlier versions kept here, in the plugin settings (so in Jira's database), if it is
     * still here: {@link PulseService} moves it to the {@link dev.failforward.jira.secrets.SecretStore} and then
     * {@linkplain #forgetLegacySecret() removes it}.
     */
    Optional<byte[]> legacySecret() {
        if (factory.createGlobalSettings().get(PREFIX + LEGACY_SECRET) instanceof String stored && !stored.isBlank()) {
            try {
                return Optional.of(Base64.getDecoder().decode(stored.strip()));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    void forgetLegacySecret() {
        factory.createGlobalSettings().remove(PREFIX + LEGACY_SECRET);
    }
}
