package dev.failforward.jira.search.node;

import dev.failforward.jira.search.FailureSearchIndex;

import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Chooses where a search is answered: this node's index when it is ready, else the SQL path. Implemented by
 * {@link NodeSearchIndex}; {@link #SQL_ONLY} for hosts and tests without an index.
 */
public interface SearchRouting {

    /**
     * {@code fromIndex} on the node's index when it is ready; {@code fromSql} when it is not, or when the index fails
     * while answering (then the node rebuilds it). A {@link dev.failforward.jira.search.QuerySyntaxException} from the
     * index is the user's mistake, not the index's: it propagates (REST answers 400).
     */
    <T> T route(Function<FailureSearchIndex, T> fromIndex, Supplier<T> fromSql);

    NodeIndexStatus status();

    /** Always the SQL path; the status says so. */
    SearchRouting SQL_ONLY = new SearchRouting() {
        @Override
        public <T> T route(Function<FailureSearchIndex, T> fromIndex, Supplier<T> fromSql) {
            return fromSql.get();
        }

        @Override
        public NodeIndexStatus status() {
            return NodeIndexStatus.unavailable("no search index on this host");
        }
    };
}
