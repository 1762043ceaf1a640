package dev.failforward.confluence.retro;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Jira issue keys as the retro macro and our REST resource accept them: a project key (a letter, then letters, digits or
 * underscores) and an issue number, e.g. {@code OPS-12}. Jira's default project-key pattern; lower case is accepted
 * and upper-cased, as Jira itself does in its search. Anything else never reaches a URL or a page.
 */
public final class IssueKeys {

    /** Longer keys do not exist in Jira (project key ≤ 255, but a key this long is a mistake or an attack). */
    public static final int MAX_LENGTH = 100;

    private static final Pattern KEY = Pattern.compile("[A-Z][A-Z0-9_]*-[1-9][0-9]{0,17}");

    private IssueKeys() {
    }

    /** The key in its canonical (upper-case) spelling, or empty when {@code raw} is not an issue key. */
    public static Optional<String> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String key = raw.strip().toUpperCase(Locale.ROOT);
        if (key.length() > MAX_LENGTH || !KEY.matcher(key).matches()) {
            return Optional.empty();
        }
        return Optional.of(key);
    }
}
