package dev.failforward.jira.search.node;

import dev.failforward.jira.search.FailureSearchIndex;
import dev.failforward.jira.search.SearchableRecord;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Keeps one node's index current from the cluster's search change log, the way Jira replicates its own index: each
 * poll applies the rows above the node's position <em>and</em> re-reads a window of recent rows at or below it.
 *
 * <p><b>Late commits.</b> Ids are handed out when a transaction inserts its change row, not when it commits, so
 * transaction A can take id 10, transaction B id 11, and B commit first: a poll between the two commits sees 11 and
 * moves the position past 10, which then commits unseen. Every row that a poll could not see yet was inserted no
 * earlier than that poll's start minus the longest transaction (and the clock skew between the writing and the reading
 * node, since {@code CREATED_AT} is the writer's clock). So each poll also reads the rows created since the previous
 * poll's start minus {@link #window} with an id at or below the position, and applies those it has not applied in this
 * process yet. Applying a record means reading its <em>current</em> state from the database, so applying one twice
 * (after a restart the window is applied once more) is harmless. The window is the bound on transaction time plus
 * skew; two minutes by default. A transaction that stays open longer than the window is covered by the nightly
 * reconcile, which logs every record again.
 *
 * <p><b>Position.</b> Each apply commits the position with the changes ({@link ChangeCursor}); intermediate applies
 * advance it page by page, so a crash loses at most the page in hand, which is read again. When nothing changed the
 * position is committed anyway every {@link #IDLE_COMMIT_MILLIS} ms, so that a quiet node's position stays recent and
 * a restart's window stays small.
 *
 * <p>Not thread-safe: the node's one index thread owns it.
 */
final class ChangeTail {

    /** Change rows per query, and records per apply. */
    static final int PAGE = SearchableRecordSource.BATCH;
    static final long IDLE_COMMIT_MILLIS = 60_000;

    /** What one poll did. */
    record Poll(int changeRows, int lateRows, int records, int removed) {
        static final Poll NOTHING = new Poll(0, 0, 0, 0);

        boolean appliedAnything() {
            return records + removed > 0;
        }
    }

    private final SearchChangeFeed feed;
    private final SearchableRecordSource source;
    private final LongSupplier clock;
    private final long window;
    /** Change rows applied by this process (id → created at), within the window: a late one is applied once. */
    private final Map<Long, Long> applied = new HashMap<>();
    private ChangeCursor position;
    private long committedPolledAt;

    /**
     * @param position where the index is (its committed cursor)
     * @param window   milliseconds: the longest a change's transaction may stay open, plus the nodes' clock skew
     */
    ChangeTail(SearchChangeFeed feed, SearchableRecordSource source, LongSupplier clock, long window,
               ChangeCursor position) {
        this.feed = Objects.requireNonNull(feed, "feed");
        this.source = Objects.requireNonNull(source, "source");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (window < 0) {
            throw new IllegalArgumentException("window must not be negative: " + window);
        }
        this.window = window;
        this.position = Objects.requireNonNull(position, "position");
        this.committedPolledAt = position.polledAt();
    }

    ChangeCursor position() {
        return position;
    }

    /** Applies what changed since the last poll to {@code index}; on an exception nothing counts as applied. */
    Poll poll(FailureSearchIndex index) throws IOException {
        long now = clock.getAsLong();
        long windowFrom = position.polledAt() - window;
        // 1. rows at or below the position created within the window that this process has not applied: late commits
        Map<Long, Long> lateRows = new LinkedHashMap<>();
        Set<Long> lateIssues = new LinkedHashSet<>();
        for (long afterId = 0; ; ) {
            List<SearchChangeFeed.Change> rows = feed.recentBetween(windowFrom, afterId, position.maxId(), PAGE);
            for (SearchChangeFeed.Change row : rows) {
                if (!applied.containsKey(row.id())) {
                    lateRows.put(row.id(), row.createdAt());
                    lateIssues.add(row.issueId());
                }
            }
            if (rows.size() < PAGE) {
                break;
            }
            afterId = rows.get(rows.size() - 1).id();
        }
        int records = 0;
        int removed = 0;
        List<Long> late = new ArrayList<>(lateIssues);
        for (int from = 0; from < late.size(); from += PAGE) {
            // the position stays where it is until every late row is in
            int[] counts = apply(index, late.subList(from, Math.min(late.size(), from + PAGE)), position);
            records += counts[0];
            removed += counts[1];
        }
        applied.putAll(lateRows);
        // 2. rows above the position, a page at a time, each committed with the position it reaches
        int changeRows = 0;
        while (true) {
            List<SearchChangeFeed.Change> rows = feed.after(position.maxId(), PAGE);
            if (rows.isEmpty()) {
                break;
            }
            Set<Long> issues = new LinkedHashSet<>();
            rows.forEach(row -> issues.add(row.issueId()));
            ChangeCursor reached = new ChangeCursor(rows.get(rows.size() - 1).id(), now);
            int[] counts = apply(index, issues, reached);
            records += counts[0];
            removed += counts[1];
            rows.forEach(row -> applied.put(row.id(), row.createdAt()));
            changeRows += rows.size();
            position = reached;
            committedPolledAt = now;
            if (rows.size() < PAGE) {
                break;
            }
        }
        ChangeCursor polled = new ChangeCursor(position.maxId(), now);
        if (changeRows == 0 && (!lateRows.isEmpty() || now - committedPolledAt >= IDLE_COMMIT_MILLIS)) {
            index.apply(List.of(), List.of(), polled.encode());
            committedPolledAt = now;
        }
        position = polled;
        // forget rows that no later window reaches
        long keepFrom = now - window - IDLE_COMMIT_MILLIS;
        applied.values().removeIf(createdAt -> createdAt < keepFrom);
        return new Poll(changeRows, lateRows.size(), records, removed);
    }

    /** Re-indexes the records' current state, removes those without one; returns {re-indexed, removed}. */
    private int[] apply(FailureSearchIndex index, Collection<Long> issueIds, ChangeCursor cursor) throws IOException {
        Map<Long, SearchableRecord> current = source.load(issueIds);
        List<Long> gone = issueIds.stream().filter(id -> !current.containsKey(id)).toList();
        index.apply(List.copyOf(current.values()), gone, cursor.encode());
        return new int[]{current.size(), gone.size()};
    }
}
