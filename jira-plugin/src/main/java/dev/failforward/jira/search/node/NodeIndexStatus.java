package dev.failforward.jira.search.node;

import java.time.Instant;
import java.util.Objects;

/**
 * What this node's search index can do now, for REST answers and the admin page.
 *
 * @param state     ready (searches use it), building (with {@code percent}) or unavailable (with {@code reason})
 * @param percent   0..100: build progress while building, 100 when ready, 0 when unavailable
 * @param reason    why it is not ready, or {@code null}
 * @param records   records in the failure database at the last rebuild or applied change, or -1 when unknown
 * @param updatedAt when the index last took changes in (or finished a rebuild), or {@code null}
 */
public record NodeIndexStatus(State state, int percent, String reason, long records, Instant updatedAt) {

    public enum State {
        READY, BUILDING, UNAVAILABLE;

        /** The lower-case name REST answers with: {@code ready}, {@code building}, {@code unavailable}. */
        public String json() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public NodeIndexStatus {
        Objects.requireNonNull(state, "state");
        if (percent < 0 || percent > 100) {
            throw new IllegalArgumentException("percent must be 0..100: " + percent);
        }
    }

    public static NodeIndexStatus unavailable(String reason) {
        return new NodeIndexStatus(State.UNAVAILABLE, 0, reason, -1, null);
    }

    public static NodeIndexStatus building(int percent) {
        return new NodeIndexStatus(State.BUILDING, percent, null, -1, null);
    }

    public boolean ready() {
        return state == State.READY;
    }
}
