package dev.failforward.core.experiment;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A stop criterion a running experiment has passed, found by the daily job ({@link ExperimentRules#breaches}).
 *
 * @param kind      {@link #TIMEBOX}, {@link #BUDGET} or {@link #DEADLINE}
 * @param i18nKey   the message key, starting with {@code "failforward."}
 * @param arguments message arguments, already formatted as text; copied, never {@code null}
 */
public record Breach(String kind, String i18nKey, List<String> arguments) {

    public static final String TIMEBOX = "timebox";
    public static final String BUDGET = "budget";
    public static final String DEADLINE = "deadline";

    private static final Set<String> KINDS = Set.of(TIMEBOX, BUDGET, DEADLINE);

    public Breach {
        if (!KINDS.contains(kind)) {
            throw new IllegalArgumentException("kind must be one of " + KINDS + ": " + kind);
        }
        Objects.requireNonNull(i18nKey, "i18nKey");
        if (!i18nKey.startsWith("failforward.")) {
            throw new IllegalArgumentException("i18nKey must start with failforward.: " + i18nKey);
        }
        arguments = List.copyOf(Objects.requireNonNull(arguments, "arguments"));
    }
}
