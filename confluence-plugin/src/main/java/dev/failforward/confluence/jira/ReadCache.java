package dev.failforward.confluence.jira;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A short cache of successful reads from Jira, per user and URL: the same page rendered twice, or by a macro that reads
 * one record twice, asks Jira once. Entries live {@code ttl}, at most {@code maxEntries} are kept (least recently used
 * go first), and each is tagged with the record it shows, so a write to a record drops every user's entries of it.
 *
 * <p>Why per user: Jira answers as the user (permissions, hidden projects), so one user's answer is never another's.
 * Why so short and node-local: on Data Center a write on one node cannot drop the entries of another node; what a
 * node shows is then at most {@code ttl} old, which a page read tolerates (a write's own node is exact at once).
 *
 * <p>A read that started before a write must not store its older answer after the write dropped the record: each
 * invalidation moves a generation on, and {@link #put} ignores an answer fetched in an earlier generation.
 */
final class ReadCache {

    /** The tag of an entry that is not one record's (a search): every write drops it. */
    static final String ANY_RECORD = "*";

    /** One user's read of one URL; the anonymous user is {@code ""}. */
    record Key(String userKey, String url) {
        Key {
            userKey = userKey == null ? "" : userKey;
            Objects.requireNonNull(url, "url");
        }
    }

    private record Entry(JiraResult<?> value, String tag, Instant expiresAt) {
    }

    private final Clock clock;
    private final Duration ttl;
    private final Map<Key, Entry> entries;
    private long generation;

    ReadCache(Clock clock, Duration ttl, int maxEntries) {
        if (ttl.isNegative() || ttl.isZero() || maxEntries < 1) {
            throw new IllegalArgumentException("ttl must be positive and maxEntries at least 1");
        }
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ttl = ttl;
        this.entries = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Entry> eldest) {
                return size() > maxEntries;
            }
        };
    }

    /** The cached answer for the key, if there is one that has not expired. */
    @SuppressWarnings("unchecked") // a URL is always read with the same reader, so its value has the caller's type
    synchronized <T> Optional<JiraResult<T>> get(Key key) {
        Entry entry = entries.get(key);
        if (entry == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(entry.expiresAt())) {
            entries.remove(key);
            return Optional.empty();
        }
        return Optional.of((JiraResult<T>) entry.value());
    }

    /** The generation to pass to {@link #put} for an answer about to be fetched. */
    synchronized long generation() {
        return generation;
    }

    /**
     * Stores an answer fetched since {@code fetchedInGeneration}, tagged with the record it shows ({@link #ANY_RECORD}
     * for a search); ignored if a write invalidated anything meanwhile.
     */
    synchronized void put(Key key, String tag, JiraResult<?> value, long fetchedInGeneration) {
        if (fetchedInGeneration != generation) {
            return;
        }
        entries.put(key, new Entry(value, normalize(tag), clock.instant().plus(ttl)));
    }

    /** Drops every user's entries of the record (issue keys compare case-insensitively) and of searches. */
    synchronized void invalidate(String recordKey) {
        generation++;
        String tag = normalize(recordKey);
        for (Iterator<Entry> it = entries.values().iterator(); it.hasNext(); ) {
            String entryTag = it.next().tag();
            if (entryTag.equals(tag) || entryTag.equals(ANY_RECORD)) {
                it.remove();
            }
        }
    }

    synchronized int size() {
        return entries.size();
    }

    private static String normalize(String tag) {
        return tag == null ? ANY_RECORD : tag.strip().toUpperCase(Locale.ROOT);
    }
}
