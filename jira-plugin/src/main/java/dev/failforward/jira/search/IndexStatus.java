package dev.failforward.jira.search;

import java.util.Objects;

/**
 * Whether a node's index can answer searches. Only {@link State#READY} answers; in every other state searches use the
 * SQL path.
 *
 * @param percent build progress 0..100 while {@link State#BUILDING}, 100 when ready, 0 otherwise
 * @param reason  why the index is not ready (missing, corrupt, older format, ...), or {@code null}
 */
public record IndexStatus(State state, int percent, String reason) {

    public enum State { READY, BUILDING, NEEDS_REBUILD, CLOSED }

    public IndexStatus {
        Objects.requireNonNull(state, "state");
        if (percent < 0 || percent > 100) {
            throw new IllegalArgumentException("percent must be 0..100: " + percent);
        }
    }

    public boolean ready() {
        return state == State.READY;
    }
}
