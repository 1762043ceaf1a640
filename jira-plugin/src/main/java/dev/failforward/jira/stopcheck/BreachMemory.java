package dev.failforward.jira.stopcheck;

import com.atlassian.jira.issue.Issue;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.sal.api.pluginsettings.PluginSettings;
import com.atlassian.sal.api.pluginsettings.PluginSettingsFactory;
import dev.failforward.core.experiment.Breach;
import dev.failforward.core.experiment.BreachReason;
import dev.failforward.jira.setup.SetupRecords;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Which breaches were already flagged on each experiment, so the daily check comments on a breach once, not every day.
 * Kept in SAL's global plugin settings under {@code dev.failforward.jira:stopcheck:<issue id>} as a list of
 * {@link #identity breach identities}: the settings live in Jira's database, so whichever node runs the job tomorrow
 * reads what today's node wrote. Entries are never cleared: an issue that stops running simply stops being checked.
 *
 * <p>Why identities, not just kinds ({@code timebox}, {@code budget}, {@code deadline})? A stop criterion can name two
 * deadlines, and a budget can be raised and then overspent again: each is news to the watchers. The identity names
 * the limit that was passed, not how far past it: the day after, more has been spent, but it is the same breach.
 */
@Named
public class BreachMemory {

    static final String KEY_PREFIX = SetupRecords.NAMESPACE + "stopcheck:";

    private final PluginSettingsFactory pluginSettingsFactory;

    @Inject
    public BreachMemory(@ComponentImport PluginSettingsFactory pluginSettingsFactory) {
        this.pluginSettingsFactory = Objects.requireNonNull(pluginSettingsFactory, "pluginSettingsFactory");
    }

    /** The breaches not flagged on this issue before, in their order. */
    public List<Breach> notFlaggedYet(Issue issue, List<Breach> breaches) {
        Set<String> flagged = flagged(settings(), issue);
        return breaches.stream().filter(breach -> !flagged.contains(identity(breach))).toList();
    }

    /** Remembers that these breaches have been flagged on the issue. */
    public void rememberFlagged(Issue issue, List<Breach> breaches) {
        PluginSettings settings = settings();
        Set<String> flagged = flagged(settings, issue);
        breaches.forEach(breach -> flagged.add(identity(breach)));
        settings.put(key(issue), new ArrayList<>(flagged));
    }

    /**
     * The kind and the limit passed: {@code timebox:<when it ended>}, {@code budget:<the budget or cap>},
     * {@code deadline:<the date>}. A breach of a reason this class does not know is identified by kind and message key.
     */
    static String identity(Breach breach) {
        List<String> arguments = breach.arguments();
        String limit;
        if (is(breach, BreachReason.TIMEBOX) || is(breach, BreachReason.BUDGET) || is(breach, BreachReason.BUDGET_CRITERION)) {
            limit = arguments.get(1); // when the time-box ended; the budget field; the cap in the stop criteria
        } else if (is(breach, BreachReason.DEADLINE)) {
            limit = arguments.get(0); // the date
        } else {
            limit = breach.i18nKey();
        }
        return breach.kind() + ":" + limit;
    }

    static String key(Issue issue) {
        return KEY_PREFIX + issue.getId();
    }

    private static boolean is(Breach breach, BreachReason reason) {
        return reason.i18nKey().equals(breach.i18nKey()) && breach.arguments().size() == reason.arity();
    }

    private PluginSettings settings() {
        return pluginSettingsFactory.createGlobalSettings();
    }

    private static Set<String> flagged(PluginSettings settings, Issue issue) {
        Set<String> flagged = new LinkedHashSet<>();
        if (settings.get(key(issue)) instanceof List<?> stored) {
            stored.forEach(item -> {
                if (item != null) {
                    flagged.add(item.toString());
                }
            });
        }
        return flagged;
    }
}
