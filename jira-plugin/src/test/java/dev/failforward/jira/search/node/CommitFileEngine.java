package dev.failforward.jira.search.node;

import dev.failforward.jira.search.FailureSearchIndex;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Opens {@link CommitFileIndex}es and remembers them, so a test can look inside or "kill the process". */
final class CommitFileEngine implements IndexEngine {

    final List<CommitFileIndex> opened = new CopyOnWriteArrayList<>();

    @Override
    public FailureSearchIndex open(Path directory) throws IOException {
        CommitFileIndex index = new CommitFileIndex(directory);
        opened.add(index);
        return index;
    }

    /** The index opened last. */
    CommitFileIndex current() {
        return opened.get(opened.size() - 1);
    }

    void killAll() {
        opened.forEach(CommitFileIndex::kill);
    }
}
