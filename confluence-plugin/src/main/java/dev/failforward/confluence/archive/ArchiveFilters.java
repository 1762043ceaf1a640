package dev.failforward.confluence.archive;

import dev.failforward.core.incident.FailureCategory;
import dev.failforward.core.incident.FailureType;
import dev.failforward.core.record.LearningKind;
import dev.failforward.core.record.RecordKind;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The filter values of the learnings archive, checked once for the macro's parameters and our REST resource's query
 * parameters alike. The names are the domain's enum constants in Jira's lower-case JSON spelling ({@code went_well},
 * {@code design_flaw}); a value is accepted case-insensitively and with {@code -} or a blank for {@code _}, as Jira
 * does. Limits are Jira's ({@code text} ≤ 200, {@code maxResults} 1..100), so what passes here Jira accepts too.
 */
public final class ArchiveFilters {

    /** Jira's limit on the search text. */
    public static final int MAX_QUERY = 200;
    public static final int MAX_RESULTS = 100;
    public static final int DEFAULT_RESULTS = 20;
    /** More project keys than a person types into a macro or a URL holds comfortably. */
    public static final int MAX_PROJECTS = 50;

    /** Jira's default project-key pattern (upper-cased first), at most 50 characters. */
    private static final Pattern PROJECT_KEY = Pattern.compile("[A-Z][A-Z0-9_]{0,49}");

    private ArchiveFilters() {
    }

    public static Optional<String> recordKind(String raw) {
        return name(RecordKind.class, raw);
    }

    public static Optional<String> learningKind(String raw) {
        return name(LearningKind.class, raw);
    }

    public static Optional<String> failureType(String raw) {
        return name(FailureType.class, raw);
    }

    public static Optional<String> category(String raw) {
        return name(FailureCategory.class, raw);
    }

    /** {@code experiment, incident}: the accepted names of an enum, for messages. */
    public static String names(Class<? extends Enum<?>> type) {
        return String.join(", ", Arrays.stream(type.getEnumConstants()).map(ArchiveFilters::jsonName).toList());
    }

    /** A project key, upper-cased; empty when it is not one. */
    public static Optional<String> projectKey(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String key = raw.strip().toUpperCase(Locale.ROOT);
        return PROJECT_KEY.matcher(key).matches() ? Optional.of(key) : Optional.empty();
    }

    /**
     * Project keys from values that may each be a comma-separated list ({@code "OPS, dev"}; blanks between commas are
     * skipped): upper-cased, each once, in the order given; empty when any value is not a project key.
     */
    public static Optional<List<String>> projectKeys(List<String> values) {
        Set<String> keys = new LinkedHashSet<>();
        for (String value : values == null ? List.<String>of() : values) {
            if (value == null) {
                continue;
            }
            for (String part : value.split(",", -1)) {
                if (part.isBlank()) {
                    continue;
                }
                Optional<String> key = projectKey(part);
                if (key.isEmpty()) {
                    return Optional.empty();
                }
                keys.add(key.get());
            }
        }
        return Optional.of(new ArrayList<>(keys));
    }

    private static <E extends Enum<E>> Optional<String> name(Class<E> type, String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String wanted = raw.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(wanted)) {
                return Optional.of(jsonName(constant));
            }
        }
        return Optional.empty();
    }

    private static String jsonName(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }
}
