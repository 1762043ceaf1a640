package dev.failforward.jira.search.node;

import java.util.Optional;

/**
 * A node's position in the search change log, committed inside its index with the changes it covers
 * ({@code FailureSearchIndex.apply(…, cursor)}), so index and position never disagree after a crash.
 *
 * @param maxId    every change row with an id up to this one was applied, unless its transaction committed after the
 *                 poll that passed it (the window of {@link ChangeTail} catches those)
 * @param polledAt the reading node's clock (epoch ms) taken <em>before</em> the poll read the log: a row the poll could
 *                 not see yet was inserted no earlier than {@code polledAt} minus the longest transaction
 */
public record ChangeCursor(long maxId, long polledAt) {

    private static final String PREFIX = "v1:";

    public ChangeCursor {
        if (maxId < 0) {
            throw new IllegalArgumentException("maxId must not be negative: " + maxId);
        }
    }

    /** The form committed in the index: {@code v1:<maxId>:<polledAt>}. */
    public String encode() {
        return PREFIX + maxId + ":" + polledAt;
    }

    /** The cursor an index holds, or empty for none (a new index) or one this version cannot read (rebuild). */
    public static Optional<ChangeCursor> parse(String text) {
        if (text == null || !text.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String[] parts = text.substring(PREFIX.length()).split(":", -1);
        if (parts.length != 2) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ChangeCursor(Long.parseLong(parts[0]), Long.parseLong(parts[1])));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return encode();
    }
}
