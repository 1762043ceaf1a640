package dev.failforward.jira.counts;

import com.atlassian.jira.issue.IssueManager;
import com.atlassian.jira.issue.index.IndexException;
import com.atlassian.jira.issue.index.IssueIndexingService;
import dev.failforward.jira.testing.FakeIssue;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** Jira reindexes an issue whose counts changed: later, on the reindexer's thread, once per burst, never throwing. */
class CountReindexerTest {

    /** Holds the submitted work until {@link #runAll}: the "background thread", run by the test. */
    static final class HeldExecutor extends AbstractExecutorService {
        final List<Runnable> held = new ArrayList<>();
        boolean shutdown;

        @Override
        public void execute(Runnable command) {
            if (shutdown) {
                throw new java.util.concurrent.RejectedExecutionException("stopped");
            }
            held.add(command);
        }

        void runAll() {
            List<Runnable> now = new ArrayList<>(held);
            held.clear();
            now.forEach(Runnable::run);
        }

        @Override
        public void shutdown() {
            shutdown = true;
        }

        @Override
        public List<Runnable> shutdownNow() {
            shutdown = true;
            return List.of();
        }

        @Override
        public boolean isShutdown() {
            return shutdown;
        }

        @Override
        public boolean isTerminated() {
            return shutdown;
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) {
            return true;
        }
    }

    private final IssueManager issues = mock(IssueManager.class);
    private final IssueIndexingService indexing = mock(IssueIndexingService.class);
    private final HeldExecutor executor = new HeldExecutor();
    private final CountReindexer reindexer = new CountReindexer(issues, indexing, executor);
    private final FakeIssue ops1 = new FakeIssue("OPS-1");

    @Test
    void reindexesTheIssueOffTheCallersThread() throws Exception {
        when(issues.getIssueObject(ops1.getId())).thenReturn(ops1);

        reindexer.countsChanged(ops1.getId());
        verify(indexing, never()).reIndex(any()); // the caller returned at once

        executor.runAll();
        verify(indexing).reIndex(ops1);
    }

    @Test
    void aBurstOfChangesToOneIssueIsOneReindex() throws Exception {
        when(issues.getIssueObject(ops1.getId())).thenReturn(ops1);

        reindexer.countsChanged(ops1.getId());
        reindexer.countsChanged(ops1.getId());
        reindexer.countsChanged(ops1.getId());
        executor.runAll();
        verify(indexing, times(1)).reIndex(ops1);

        reindexer.countsChanged(ops1.getId()); // a change after the reindex started is a new one
        executor.runAll();
        verify(indexing, times(2)).reIndex(ops1);
    }

    @Test
    void aDeletedIssueIsNotReindexed() throws Exception {
        when(issues.getIssueObject(ops1.getId())).thenReturn(null);

        reindexer.countsChanged(ops1.getId());
        executor.runAll();

        verify(indexing, never()).reIndex(any());
    }

    @Test
    void aFailedReindexIsLoggedNotThrown() throws Exception {
        when(issues.getIssueObject(ops1.getId())).thenReturn(ops1);
        doThrow(new IndexException("index locked")).when(indexing).reIndex(ops1);

        reindexer.countsChanged(ops1.getId());
        assertThatCode(executor::runAll).doesNotThrowAnyException();

        reindexer.countsChanged(ops1.getId()); // and the issue can be queued again
        assertThat(executor.held).hasSize(1);
    }

    @Test
    void afterStoppingNothingIsQueued() {
        reindexer.destroy();

        assertThatCode(() -> reindexer.countsChanged(ops1.getId())).doesNotThrowAnyException();
        assertThat(executor.held).isEmpty();
    }
}
