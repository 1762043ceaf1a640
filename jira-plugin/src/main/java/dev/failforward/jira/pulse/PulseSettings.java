package dev.failforward.jira.pulse;

import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.sal.api.pluginsettings.PluginSettings;
import com.atlassian.sal.api.pluginsettings.PluginSettingsFactory;
import dev.failforward.core.kpi.Granularity;
import dev.failforward.core.kpi.KpiEngine;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;

/**
 * The pulse's settings, global (Jira administrators change them over REST): how often the question is asked
 * (monthly by default, or quarterly) and how many answers a result needs before anyone sees it (5 by default; it can
 * be raised, never lowered below 5). Also holds the pulse's secret hash key, made once from {@link SecureRandom}.
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
     * The key of the guard hash, 32 random bytes made on first use. Two nodes making one at once both write; the
     * last write wins, and a guard hashed with the lost key lets that one person answer once more in that period —
     * harmless, and it never exposes an answer.
     */
    byte[] secret() {
        PluginSettings settings = factory.createGlobalSettings();
        if (settings.get(PREFIX + "secret") instanceof String stored && !stored.isBlank()) {
            return Base64.getDecoder().decode(stored);
        }
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        settings.put(PREFIX + "secret", Base64.getEncoder().encodeToString(secret));
        return secret;
    }
}
