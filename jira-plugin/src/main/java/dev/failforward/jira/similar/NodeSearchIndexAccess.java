package dev.failforward.jira.similar;

import dev.failforward.jira.search.FailureSearchIndex;
import dev.failforward.jira.search.IndexStatus;
import dev.failforward.jira.search.node.NodeIndexStatus;
import dev.failforward.jira.search.node.NodeSearchIndex;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.Objects;
import java.util.Optional;

/**
 * Similar failures and recurrence detection see this node's index through {@link NodeSearchIndex}: ready, building
 * (with its percentage) or not there (then they answer nothing rather than a slow SQL guess).
 */
@Named
public class NodeSearchIndexAccess implements SearchIndexAccess {

    private final NodeSearchIndex node;

    @Inject
    public NodeSearchIndexAccess(NodeSearchIndex node) {
        this.node = Objects.requireNonNull(node, "node");
    }

    @Override
    public Optional<FailureSearchIndex> whenReady() {
        return node.whenReady();
    }

    @Override
    public IndexStatus status() {
        NodeIndexStatus status = node.status();
        return switch (status.state()) {
            case READY -> new IndexStatus(IndexStatus.State.READY, 100, null);
            case BUILDING -> new IndexStatus(IndexStatus.State.BUILDING, status.percent(), null);
            case UNAVAILABLE -> new IndexStatus(IndexStatus.State.NEEDS_REBUILD, 0, status.reason());
        };
    }
}
