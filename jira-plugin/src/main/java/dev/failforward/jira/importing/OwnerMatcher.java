package dev.failforward.jira.importing;

import dev.failforward.core.record.ActionItem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Matches an action item's written owner ("Jane Doe", "jane.doe@example.com", "@jdoe", "jdoe") to a user, in this
 * order: the user name or key (an "@" in front dropped); then, for an e-mail address, the one user with exactly that
 * address; then the one user whose display name is exactly the text (case ignored). Two users with the address or the
 * name, or none, leave the owner as written text: a guess would assign someone else's work. Each written owner is
 * looked up once per batch (a batch names the same people again and again).
 */
public final class OwnerMatcher {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    /** How a written owner was matched, or why it stays text. */
    public enum How {
        USERNAME, EMAIL, DISPLAY_NAME,
        /** More than one user has the address or the name. */
        AMBIGUOUS,
        /** No user has it. */
        UNKNOWN
    }

    /** @param user the matched user, or {@code null} when the owner stays text */
    public record Match(String written, How how, OwnerDirectory.User user) {
        public Optional<String> userKey() {
            return user == null ? Optional.empty() : Optional.of(user.key());
        }
    }

    private final OwnerDirectory directory;
    private final Map<String, Match> seen = new LinkedHashMap<>();

    public OwnerMatcher(OwnerDirectory directory) {
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    /** The match of a written owner; {@code null} or blank is {@link How#UNKNOWN}. */
    public Match match(String written) {
        String text = written == null ? "" : written.strip();
        if (text.isEmpty()) {
            return new Match(text, How.UNKNOWN, null);
        }
        return seen.computeIfAbsent(text.toLowerCase(Locale.ROOT), k -> lookup(text));
    }

    private Match lookup(String text) {
        String bare = text.startsWith("@") ? text.substring(1).strip() : text;
        if (!bare.isEmpty() && bare.length() <= ActionItem.USER_KEY_MAX_LENGTH && !bare.contains(" ")) {
            Optional<OwnerDirectory.User> user = directory.byUsername(bare);
            if (user.isPresent()) {
                return new Match(text, How.USERNAME, user.get());
            }
        }
        if (EMAIL.matcher(bare).matches()) {
            List<OwnerDirectory.User> users = distinct(directory.byEmail(bare));
            if (users.size() == 1) {
                return new Match(text, How.EMAIL, users.get(0));
            }
            if (users.size() > 1) {
                return new Match(text, How.AMBIGUOUS, null);
            }
        }
        List<OwnerDirectory.User> named = distinct(directory.byDisplayName(bare).stream()
                .filter(u -> u.displayName() != null && u.displayName().strip().equalsIgnoreCase(bare)).toList());
        if (named.size() == 1) {
            return new Match(text, How.DISPLAY_NAME, named.get(0));
        }
        return new Match(text, named.isEmpty() ? How.UNKNOWN : How.AMBIGUOUS, null);
    }

    private static List<OwnerDirectory.User> distinct(List<OwnerDirectory.User> users) {
        Map<String, OwnerDirectory.User> byKey = new LinkedHashMap<>();
        users.forEach(u -> byKey.putIfAbsent(u.key(), u));
        return List.copyOf(byKey.values());
    }
}
