package dev.failforward.confluence.jira;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReadCacheTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-05-04T08:00:00Z"));
    private final ReadCache cache = new ReadCache(clock, Duration.ofSeconds(30), 3);

    private static ReadCache.Key key(String user, String url) {
        return new ReadCache.Key(user, url);
    }

    private static JiraResult<String> ok(String value) {
        return new JiraResult.Ok<>(value);
    }

    private void put(String user, String url, String tag, String value) {
        cache.put(key(user, url), tag, ok(value), cache.generation());
    }

    @Test
    void keepsAnAnswerForItsTimeToLiveOnly() {
        put("alice", "/records/OPS-1", "OPS-1", "first");
        clock.advance(Duration.ofSeconds(29));
        assertThat(cache.<String>get(key("alice", "/records/OPS-1"))).contains(ok("first"));
        clock.advance(Duration.ofSeconds(1));
        assertThat(cache.<String>get(key("alice", "/records/OPS-1"))).isEmpty();
        assertThat(cache.size()).isZero();
    }

    @Test
    void separatesUsersAndUrls() {
        put("alice", "/records/OPS-1", "OPS-1", "alice's");
        assertThat(cache.<String>get(key("bob", "/records/OPS-1"))).isEmpty();
        assertThat(cache.<String>get(key("alice", "/records/OPS-2"))).isEmpty();
        assertThat(cache.<String>get(key(null, "/records/OPS-1"))).as("anonymous").isEmpty();
        assertThat(cache.<String>get(key("alice", "/records/OPS-1"))).contains(ok("alice's"));
    }

    @Test
    void dropsTheLeastRecentlyUsedEntryBeyondItsBound() {
        put("u", "/records/A-1", "A-1", "a");
        put("u", "/records/B-1", "B-1", "b");
        put("u", "/records/C-1", "C-1", "c");
        assertThat(cache.<String>get(key("u", "/records/A-1"))).isPresent(); // A is now the most recently used
        put("u", "/records/D-1", "D-1", "d");
        assertThat(cache.size()).isEqualTo(3);
        assertThat(cache.<String>get(key("u", "/records/B-1"))).isEmpty();
        assertThat(cache.<String>get(key("u", "/records/A-1"))).isPresent();
        assertThat(cache.<String>get(key("u", "/records/D-1"))).isPresent();
    }

    @Test
    void invalidatesEveryUsersEntriesOfARecordAndAllSearches() {
        put("alice", "/records/OPS-1", "OPS-1", "alice's");
        put("bob", "/records/OPS-1", "OPS-1", "bob's");
        put("alice", "/learnings?text=dns", ReadCache.ANY_RECORD, "search");
        cache.invalidate("ops-1"); // issue keys compare case-insensitively
        assertThat(cache.size()).isZero();
    }

    @Test
    void keepsOtherRecordsWhenOneIsInvalidated() {
        put("alice", "/records/OPS-1", "OPS-1", "one");
        put("alice", "/records/OPS-2", "OPS-2", "two");
        cache.invalidate("OPS-1");
        assertThat(cache.<String>get(key("alice", "/records/OPS-2"))).contains(ok("two"));
        assertThat(cache.<String>get(key("alice", "/records/OPS-1"))).isEmpty();
    }

    @Test
    void ignoresAnAnswerFetchedBeforeAWrite() {
        long generation = cache.generation();
        cache.invalidate("OPS-1"); // a write finished while the read was on its way
        cache.put(key("alice", "/records/OPS-1"), "OPS-1", ok("stale"), generation);
        assertThat(cache.<String>get(key("alice", "/records/OPS-1"))).isEmpty();
    }

    @Test
    void refusesANonsensicalConfiguration() {
        assertThatThrownBy(() -> new ReadCache(clock, Duration.ZERO, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReadCache(clock, Duration.ofSeconds(1), 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
