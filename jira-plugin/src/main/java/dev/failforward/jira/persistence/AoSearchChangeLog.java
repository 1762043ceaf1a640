package dev.failforward.jira.persistence;

import com.atlassian.activeobjects.external.ActiveObjects;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import dev.failforward.jira.search.node.SearchChangeFeed;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import net.java.ao.Query;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The search change log ({@link SearchChangeEntity}) read by each node's search index. Queries, all on indexed columns
 * with {@code COLUMN op ?} criteria that AO quotes on PostgreSQL and Oracle:
 * <ul>
 *   <li>{@code ID > ? ORDER BY ID LIMIT n} (the primary key);</li>
 *   <li>{@code CREATED_AT >= ? AND ID > ? AND ID <= ? ORDER BY ID LIMIT n} (the late-commit window, a few minutes of rows);</li>
 *   <li>{@code DELETE … WHERE CREATED_AT < ?} (the purge: two nodes purging at once delete disjoint or no rows; on
 *       PostgreSQL the second waits for the first's row locks and then finds them gone).</li>
 * </ul>
 */
@Named
public class AoSearchChangeLog implements SearchChangeFeed {

    private final ActiveObjects ao;

    @Inject
    public AoSearchChangeLog(@ComponentImport ActiveObjects ao) {
        this.ao = Objects.requireNonNull(ao, "ao");
    }

    @Override
    public List<Change> after(long afterId, int limit) {
        return changes(Query.select().where("ID > ?", afterId).order("ID ASC").limit(limit));
    }

    @Override
    public List<Change> recentBetween(long createdFrom, long afterId, long maxId, int limit) {
        return changes(Query.select().where(SearchChangeEntity.CREATED_AT + " >= ? AND ID > ? AND ID <= ?",
                createdFrom, afterId, maxId).order("ID ASC").limit(limit));
    }

    @Override
    public long maxId() {
        SearchChangeEntity[] last = ao.find(SearchChangeEntity.class, Query.select().order("ID DESC").limit(1));
        return last.length == 0 ? 0 : last[0].getID();
    }

    @Override
    public int purgeBefore(long epochMillis) {
        return ao.deleteWithSQL(SearchChangeEntity.class, SearchChangeEntity.CREATED_AT + " < ?", epochMillis);
    }

    private List<Change> changes(Query query) {
        return Arrays.stream(ao.find(SearchChangeEntity.class, query))
                .map(row -> new Change(row.getID(), row.getRecordIssueId(), row.getCreatedAt())).toList();
    }
}
