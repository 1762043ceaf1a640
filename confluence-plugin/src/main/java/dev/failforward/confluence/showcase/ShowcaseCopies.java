package dev.failforward.confluence.showcase;

import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.sal.api.pluginsettings.PluginSettingsFactory;
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
 * Word must print the showcase (saying how old it is), not an empty box. None is older than {@link #MAX_AGE}.
 *
 * <p><b>Two tiers.</b> The node's memory holds at most {@value #MAX_ENTRIES} copies (least recently used go first);
 * behind it, {@link SharedShowcaseCopies} keeps them in Confluence's database for every node of the cluster and across
 * restarts. A fresh answer is shared when its content differs from what this node shared last for the viewer (Jira's
 * {@code generatedAt} aside) or that is older than {@link #SHARE_AGAIN}, so reading a page again and again does not
 * write each time; a miss in memory reads the shared copy.
 *
 * <p><b>Permission-safe by construction:</b> the key is the viewer's user key plus the parameters, so a copy is only
 * ever shown to the user Jira answered for (Jira filtered it by their permissions). There is no copy shared between
 * users. An anonymous viewer's answers are not kept. When Jira refuses the viewer (no permission, authorisation
 * needed, a parameter it rejects), their copy is {@linkplain #forget forgotten} on this node and in the database.
 */
@Named
public class ShowcaseCopies {

    static final int MAX_ENTRIES = 500;
    static final Duration MAX_AGE = Duration.ofDays(14);
    /** A copy whose content did not change is shared again after this long, so its age stays honest. */
    static final Duration SHARE_AGAIN = Duration.ofHours(1);

    /** A showcase as Jira gave it, and when. */
    public record Copy(ShowcaseView view, Instant fetchedAt) {
        public Copy {
            Objects.requireNonNull(view, "view");
            Objects.requireNonNull(fetchedAt, "fetchedAt");
        }
    }

    private record Key(String userKey, String parameters) {
    }

    /** A copy in memory, and when it (or one with the same content) was last shared. */
    private record Held(Copy copy, Instant sharedAt) {
    }

    private final SharedShowcaseCopies shared;
    private final Clock clock;
    private final Map<Key, Held> copies = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Held> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    @Inject
    public ShowcaseCopies(@ComponentImport PluginSettingsFactory settings) {
        this(new SharedShowcaseCopies(Objects.requireNonNull(settings, "settings")), Clock.systemUTC());
    }

    /** In this node's memory only (tests). */
    public ShowcaseCopies(Clock clock) {
        this(SharedShowcaseCopies.NONE, clock);
    }

    /** Shared through these plugin settings, as every node of a cluster shares Confluence's. */
    public ShowcaseCopies(PluginSettingsFactory settings, Clock clock) {
        this(new SharedShowcaseCopies(Objects.requireNonNull(settings, "settings")), clock);
    }

    private ShowcaseCopies(SharedShowcaseCopies shared, Clock clock) {
        this.shared = shared;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Keeps Jira's answer for the user and parameters; returns the copy made. */
    public Copy keep(String userKey, String parameters, ShowcaseView view) {
        Instant now = clock.instant();
        Copy copy = new Copy(view, now);
        if (userKey == null || userKey.isEmpty()) {
            return copy;
        }
        Key key = new Key(userKey, parameters);
        boolean share;
        synchronized (this) {
            Held before = copies.get(key);
            share = before == null || !sameContent(before.copy().view(), view)
                    || !before.sharedAt().plus(SHARE_AGAIN).isAfter(now);
            copies.put(key, new Held(copy, share ? now : before.sharedAt()));
        }
        if (share) {
            shared.write(SharedShowcaseCopies.id(userKey, parameters), copy, MAX_AGE);
        }
        return copy;
    }

    /**
     * The user's last good copy for the parameters, unless older than {@link #MAX_AGE}: the newer of this node's and
     * the cluster's, and none when any node forgot it after this node's copy was fetched. When the database cannot be
     * read, this node's copy.
     */
    public Optional<Copy> last(String userKey, String parameters) {
        if (userKey == null || userKey.isEmpty()) {
            return Optional.empty();
        }
        Key key = new Key(userKey, parameters);
        Instant now = clock.instant();
        Copy mine;
        synchronized (this) {
            Held held = copies.get(key);
            if (held != null && held.copy().fetchedAt().plus(MAX_AGE).isBefore(now)) {
                copies.remove(key);
                held = null;
            }
            mine = held == null ? null : held.copy();
        }
        Optional<SharedShowcaseCopies.Stored> stored = shared.read(SharedShowcaseCopies.id(userKey, parameters), now,
                MAX_AGE);
        if (stored.isEmpty() || mine != null && mine.fetchedAt().isAfter(stored.get().at())) {
            return Optional.ofNullable(mine);
        }
        Copy theirs = stored.get().copy();
        synchronized (this) {
            if (theirs == null) {
                copies.remove(key);
            } else {
                copies.put(key, new Held(theirs, theirs.fetchedAt()));
            }
        }
        return Optional.ofNullable(theirs);
    }

    /**
     * Forgets the user's copy for the parameters on this node and, through the database, on every node: Jira refused
     * to show it to them now.
     */
    public void forget(String userKey, String parameters) {
        if (userKey == null || userKey.isEmpty()) {
            return;
        }
        synchronized (this) {
            copies.remove(new Key(userKey, parameters));
        }
        shared.forget(SharedShowcaseCopies.id(userKey, parameters), clock.instant(), MAX_AGE);
    }

    private static boolean sameContent(ShowcaseView a, ShowcaseView b) {
        return a.withGeneratedAt(null).equals(b.withGeneratedAt(null));
    }

    synchronized int size() {
        return copies.size();
    }
}
