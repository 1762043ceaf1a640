package dev.failforward.jira.setup;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one run of {@link JiraSetupService} did: for each thing, whether it was created, found or changed, and its Jira
 * id; plus warnings an admin should read (each an i18n key with arguments). Immutable.
 */
public final class SetupReport {

    /** The kinds of things setup looks after. */
    public enum Kind {
        ISSUE_TYPE, FIELD, FIELD_OPTION, SCREEN, SCREEN_SCHEME, ISSUE_TYPE_SCREEN_SCHEME, STATUS, WORKFLOW, LINK_TYPE,
        ISSUE_TYPE_SCHEME, WORKFLOW_SCHEME,
        /** A project's issue types include ours. */
        PROJECT_ISSUE_TYPES,
        /** A project's issue type screen scheme shows our screens for our issue types. */
        PROJECT_SCREENS,
        /** A project's workflow scheme maps our issue types to our workflows. */
        PROJECT_WORKFLOWS
    }

    /** What happened to one thing. */
    public enum Outcome {
        /** It did not exist; setup created it. */
        CREATED,
        /** Setup had recorded it but Jira no longer knew the id; setup created it again. */
        RECREATED,
        /** Nothing was recorded, but Jira already had one by that (unique) name; setup recorded it. */
        ADOPTED,
        /** It existed; setup changed it (e.g. added a field to a screen, a mapping to a scheme). */
        UPDATED,
        /** It existed as needed; untouched. */
        FOUND;

        /** Whether this run made the thing. */
        public boolean created() {
            return this == CREATED || this == RECREATED;
        }
    }

    /**
     * One thing: its kind, its stable key (e.g. {@code experiment}, {@code hypothesis}, {@code phase.EXPLORE},
     * {@code failforward-pivot}, or a project key) and its Jira id (or workflow name).
     */
    public record Item(Kind kind, String key, Outcome outcome, String jiraId) {
        public Item {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(outcome, "outcome");
        }
    }

    /** Something an admin should know, in their language: {@code i18nKey} with {@code arguments}. */
    public record Warning(String i18nKey, List<Serializable> arguments) {
        public Warning {
            Objects.requireNonNull(i18nKey, "i18nKey");
            arguments = List.copyOf(arguments);
        }
    }

    private final List<Item> items;
    private final List<Warning> warnings;

    private SetupReport(List<Item> items, List<Warning> warnings) {
        this.items = List.copyOf(items);
        this.warnings = List.copyOf(warnings);
    }

    public List<Item> items() {
        return items;
    }

    public List<Warning> warnings() {
        return warnings;
    }

    public List<Item> items(Kind kind) {
        return items.stream().filter(item -> item.kind() == kind).toList();
    }

    public Optional<Item> item(Kind kind, String key) {
        return items.stream().filter(item -> item.kind() == kind && item.key().equals(key)).findFirst();
    }

    /** Things this run created (or created again). */
    public List<Item> created() {
        return items.stream().filter(item -> item.outcome().created()).toList();
    }

    /** Whether this run changed anything in Jira. */
    public boolean changedAnything() {
        return items.stream().anyMatch(item -> item.outcome() != Outcome.FOUND && item.outcome() != Outcome.ADOPTED);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("SetupReport[");
        for (Item item : items) {
            text.append("\n  ").append(item.kind()).append(' ').append(item.key()).append(": ").append(item.outcome());
            if (item.jiraId() != null) {
                text.append(" (").append(item.jiraId()).append(')');
            }
        }
        warnings.forEach(warning -> text.append("\n  warning ").append(warning.i18nKey()).append(' ').append(warning.arguments()));
        return text.append("\n]").toString();
    }

    /** A report of these items and warnings (for callers that assemble one, e.g. tests of REST resources). */
    public static SetupReport of(List<Item> items, List<Warning> warnings) {
        return new SetupReport(items, warnings);
    }

    static Builder builder() {
        return new Builder();
    }

    /** Collects items while setup runs. Not thread-safe: one per run. */
    static final class Builder {
        private final List<Item> items = new ArrayList<>();
        private final List<Warning> warnings = new ArrayList<>();

        Builder add(Kind kind, String key, Outcome outcome, Object jiraId) {
            items.add(new Item(kind, key, outcome, jiraId == null ? null : jiraId.toString()));
            return this;
        }

        /** A thing first reported as found was then changed. */
        Builder markUpdated(Kind kind, String key) {
            for (int i = items.size() - 1; i >= 0; i--) {
                Item item = items.get(i);
                if (item.kind() == kind && item.key().equals(key)) {
                    if (item.outcome() == Outcome.FOUND || item.outcome() == Outcome.ADOPTED) {
                        items.set(i, new Item(kind, key, Outcome.UPDATED, item.jiraId()));
                    }
                    return this;
                }
            }
            throw new IllegalStateException(kind + " " + key + " was not reported");
        }

        Builder warn(String i18nKey, Serializable... arguments) {
            warnings.add(new Warning(i18nKey, List.of(arguments)));
            return this;
        }

        SetupReport build() {
            return new SetupReport(items, warnings);
        }
    }
}
