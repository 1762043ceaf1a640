package dev.failforward.confluence.showcase;

import dev.failforward.confluence.jira.ShowcaseView;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The last good showcase Jira gave, per viewer and parameters, for when Jira is slow or unreachable: an export to PDF or
 * Word must print the showcase (saying how old it is), not an empty box. Node-local memory, at most
 * {@value #MAX_ENTRIES} copies (least recently used go first), none older than {@link #MAX_AGE}.
 *
 * <p><b>Permission-safe by construction:</b> the key is the viewer's user key plus the parameters, so a copy is only
 * ever shown to the user Jira answered for (Jira filtered it by their permissions). There is no shared copy. An
 * anonymous viewer's answers are not kept.
 *
 * <p><b>Data Center:</b> each node keeps its own copies; a node that never rendered the showcase for this user has none
 * and prints a clear message when Jira is down. Nothing on disk, nothing other nodes need.
 */
@Named
public class ShowcaseCopies {

    static final int MAX_ENTRIES = 500;
    static final Duration MAX_AGE = Duration.ofDays(14);

    /** A showcase as Jira gave it, and when. */
    public record Copy(ShowcaseView view, Instant fetchedAt) {
        public Copy {
            Objects.requireNonNull(view, "view");
            Objects.requireNonNull(fetchedAt, "fetchedAt");
        }
    }

    private record Key(String userKey, String parameters) {
    }

    private final Clock clock;
    private final Map<Key, Copy> copies = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Copy> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    @Inject
    public ShowcaseCopies() {
        this(Clock.systemUTC());
    }

    public ShowcaseCopies(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Keeps Jira's answer for the user and parameters; returns the copy made. */
    public synchronized Copy keep(String userKey, String parameters, ShowcaseView view) {
        Copy copy = new Copy(view, clock.instant());
        if (userKey != null && !userKey.isEmpty()) {
            copies.put(new Key(userKey, parameters), copy);
        }
        return copy;
    }

    /** The user's last good copy for the parameters, unless older than {@link #MAX_AGE}. */
    public synchronized Optional<Copy> last(String userKey, String parameters) {
        if (userKey == null || userKey.isEmpty()) {
            return Optional.empty();
        }
        Key key = new Key(userKey, parameters);
        Copy copy = copies.get(key);
        if (copy != null && copy.fetchedAt().plus(MAX_AGE).isBefore(clock.instant())) {
            copies.remove(key);
            return Optional.empty();
        }
        return Optional.ofNullable(copy);
    }

    synchronized int size() {
        return copies.size();
    }
}
