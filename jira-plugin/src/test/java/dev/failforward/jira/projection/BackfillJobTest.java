package dev.failforward.jira.projection;

import com.atlassian.beehive.ClusterLock;
import com.atlassian.beehive.ClusterLockService;
import com.atlassian.jira.bc.issue.search.SearchService;
import com.atlassian.jira.issue.Issue;
import com.atlassian.scheduler.JobRunnerRequest;
import com.atlassian.scheduler.JobRunnerResponse;
import com.atlassian.scheduler.status.RunOutcome;
import dev.failforward.core.record.FailureRecord;
import dev.failforward.core.record.RecordKind;
import dev.failforward.jira.projection.BackfillProgress.Phase;
import dev.failforward.jira.projection.BackfillProgress.State;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntPredicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

/** The backfill: batches, checkpoint and resume after a crash, drift repair, one run at a time. */
class BackfillJobTest {

    private static final Instant NOW = Instant.parse("2026-11-21T02:00:00Z");

    private final TestJira jira = new TestJira();
    private final PagedSearch search = new PagedSearch();
    private final BackfillProgressStore store = new BackfillProgressStore(jira.settings.factory());
    private final TestLock lock = new TestLock();
    private final ClusterLockService locks = name -> {
        assertThat(name).isEqualTo(BackfillJob.LOCK_NAME);
        return lock;
    };
    private final CrashingRecords records = new CrashingRecords(jira.records);
    private final JiraIssueProjection projection = new JiraIssueProjection(jira.issueManager, jira.linkManager,
            jira.setup, new dev.failforward.jira.workflow.IssueSnapshots(new dev.failforward.jira.fields.IssueFields(jira.fields)),
            new dev.failforward.jira.fields.IssueFields(jira.fields), records, jira.whySteps,
            dev.failforward.jira.failuredb.RecordChanges.NONE);
    private final BackfillJob job = new BackfillJob(search, projection, jira.setup, jira.records, store, locks,
            Clock.fixed(NOW, ZoneOffset.UTC));

    /** A ClusterLock that is a real lock, so "taken by another node" can be simulated from another thread. */
    static final class TestLock extends ReentrantLock implements ClusterLock {
    }

    /** Jira's search over {@link TestJira#issues}: our types, ids above the checkpoint, ascending; can fail on a call. */
    final class PagedSearch extends BackfillSearch {
        final List<Long> afters = new ArrayList<>();
        IntPredicate failOnCall = call -> false;

        PagedSearch() {
            super(mock(SearchService.class));
        }

        @Override
        public Page after(Collection<String> issueTypeIds, long afterIssueId, int pageSize) {
            afters.add(afterIssueId);
            if (failOnCall.test(afters.size())) {
                throw new BackfillFailed("search index unavailable", null);
            }
            List<Issue> matching = jira.issues.values().stream()
                    .filter(i -> issueTypeIds.contains(i.getIssueType().getId()) && i.getId() > afterIssueId)
                    .sorted(java.util.Comparator.comparing(Issue::getId)).map(Issue.class::cast).toList();
            return new Page(matching.subList(0, Math.min(pageSize, matching.size())), matching.size() >= pageSize,
                    matching.size());
        }
    }

    /** The repository, able to "kill the node" (an Error, not caught anywhere) at the n-th upsert. */
    static final class CrashingRecords extends ForwardingRecords {
        final AtomicInteger upserts = new AtomicInteger();
        int dieAtUpsert = -1;

        CrashingRecords(InMemoryFailureRecords delegate) {
            super(delegate);
        }

        @Override
        public FailureRecord upsert(FailureRecord record) {
            if (upserts.incrementAndGet() == dieAtUpsert) {
                throw new NodeDied();
            }
            return super.upsert(record);
        }
    }

    static final class NodeDied extends Error {
    }

    private static JobRunnerRequest request() {
        return request(() -> false);
    }

    private static JobRunnerRequest request(java.util.function.BooleanSupplier cancelled) {
        return new JobRunnerRequest() {
            @Override
            public Date getStartTime() {
                return Date.from(NOW);
            }

            @Override
            public boolean isCancellationRequested() {
                return cancelled.getAsBoolean();
            }
        };
    }

    /** {@code count} experiments and incidents with ids 1000, 1003, 1006 … and some tasks between them. */
    private List<Long> issues(int count) {
        List<Long> ours = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long id = 1000 + 3L * i;
            if (i % 2 == 0) {
                jira.experiment(id, "OPS-" + (i + 1));
            } else {
                jira.incident(id, "INC-" + (i + 1));
            }
            jira.task(id + 1, "OPS-" + (10_000 + i));
            ours.add(id);
        }
        return ours;
    }

    private List<Long> storedIds() {
        return jira.records.all().stream().map(FailureRecord::issueId).toList();
    }

    @Test
    void projectsEveryExperimentAndIncidentInBatchesAndRecordsTheProgress() {
        List<Long> ours = issues(450);

        JobRunnerResponse response = job.runJob(request());

        assertThat(response.getRunOutcome()).isEqualTo(RunOutcome.SUCCESS);
        assertThat(response.getMessage()).isEqualTo("projected 450 issues, removed 0 stale records");
        assertThat(storedIds()).containsExactlyElementsOf(ours);
        assertThat(jira.records.all()).extracting(FailureRecord::kind).contains(RecordKind.EXPERIMENT, RecordKind.INCIDENT);
        assertThat(search.afters).containsExactly(0L, ours.get(199), ours.get(399));
        BackfillProgress progress = store.read();
        assertThat(progress.state()).isEqualTo(State.DONE);
        assertThat(progress.processed()).isEqualTo(450);
        assertThat(progress.total()).isEqualTo(450);
        assertThat(progress.checkpoint()).isZero();
        assertThat(progress.startedAt()).isEqualTo(NOW);
        assertThat(progress.finishedAt()).isEqualTo(NOW);
        assertThat(progress.lastError()).isNull();
    }

    @Test
    void aFailedRunIsContinuedFromItsCheckpointWithNothingLostOrDuplicated() {
        List<Long> ours = issues(450);
        search.failOnCall = call -> call == 3; // two batches done, then Jira's index fails

        JobRunnerResponse failed = job.runJob(request());

        assertThat(failed.getRunOutcome()).isEqualTo(RunOutcome.FAILED);
        assertThat(failed.getMessage()).contains("search index unavailable");
        BackfillProgress stopped = store.read();
        assertThat(stopped.state()).isEqualTo(State.FAILED);
        assertThat(stopped.checkpoint()).isEqualTo(ours.get(399));
        assertThat(stopped.processed()).isEqualTo(400);
        assertThat(stopped.lastError()).contains("search index unavailable");
        assertThat(storedIds()).containsExactlyElementsOf(ours.subList(0, 400));

        search.failOnCall = call -> false;
        JobRunnerResponse resumed = job.runJob(request());

        assertThat(resumed.getRunOutcome()).isEqualTo(RunOutcome.SUCCESS);
        assertThat(search.afters).containsExactly(0L, ours.get(199), ours.get(399), ours.get(399));
        assertThat(storedIds()).containsExactlyElementsOf(ours);
        assertThat(records.upserts).hasValue(450); // each issue written once
        assertThat(store.read().processed()).isEqualTo(450);
        assertThat(store.read().state()).isEqualTo(State.DONE);
    }

    @Test
    void aNodeDyingInTheMiddleOfABatchIsContinuedByTheNextRunWithNothingLostOrDuplicated() {
        List<Long> ours = issues(450);
        records.dieAtUpsert = 300; // in the middle of the second batch

        assertThatThrownBy(() -> job.runJob(request())).isInstanceOf(NodeDied.class);
        assertThat(lock.isLocked()).isFalse();
        BackfillProgress orphaned = store.read();
        assertThat(orphaned.state()).isEqualTo(State.RUNNING); // nobody could record the end
        assertThat(orphaned.checkpoint()).isEqualTo(ours.get(199));

        JobRunnerResponse restarted = job.runJob(request());

        assertThat(restarted.getRunOutcome()).isEqualTo(RunOutcome.SUCCESS);
        assertThat(search.afters).containsExactly(0L, ours.get(199), ours.get(199), ours.get(399)); // resumed
        assertThat(storedIds()).containsExactlyElementsOf(ours);
        assertThat(jira.records.all()).allSatisfy(r -> assertThat(r.version()).isZero()); // re-written, unchanged
        assertThat(store.read().processed()).isEqualTo(450);
        assertThat(store.read().startedAt()).isEqualTo(NOW);
    }

    @Test
    void repairsDriftRecordsOfDeletedIssuesAndOfIssuesNoLongerOurs() {
        List<Long> ours = issues(5);
        job.runJob(request());
        jira.issues.remove(ours.get(1));                               // deleted, event missed
        jira.issues.get(ours.get(3)).type(TestJira.TASK_TYPE);         // moved to another type, event dropped
        jira.records.store(FailureRecord.builder().issueId(99_999).issueKey("OLD-1").kind(RecordKind.INCIDENT)
                .summary("gone long ago").status("Closed").createdAndUpdatedAt(TestJira.T0).build());

        JobRunnerResponse response = job.runJob(request());

        assertThat(response.getMessage()).isEqualTo("projected 3 issues, removed 3 stale records");
        assertThat(storedIds()).containsExactly(ours.get(0), ours.get(2), ours.get(4));
        assertThat(store.read().removed()).isEqualTo(3);
    }

    @Test
    void drifRepairWalksTheRecordsInPagesAndChecksEveryOne() {
        for (long id = 1; id <= 1_100; id++) {
            jira.records.store(FailureRecord.builder().issueId(id).issueKey("OLD-" + id).kind(RecordKind.INCIDENT)
                    .summary("deleted").status("Closed").createdAndUpdatedAt(TestJira.T0).build());
        }

        job.runJob(request());

        assertThat(jira.records.all()).isEmpty();
        assertThat(store.read().removed()).isEqualTo(1_100);
    }

    @Test
    void aRunThatFindsAnotherRunningEndsAtOnceAndChangesNothing() throws Exception {
        issues(3);
        Thread otherNode = new Thread(lock::lock);
        otherNode.start();
        otherNode.join();

        JobRunnerResponse response = job.runJob(request());

        assertThat(response.getMessage()).isEqualTo(BackfillJob.ALREADY_RUNNING);
        assertThat(search.afters).isEmpty();
        assertThat(jira.records.all()).isEmpty();
        assertThat(store.read().state()).isEqualTo(State.IDLE);
    }

    @Test
    void aRunStoppedOnRequestIsContinuedLater() {
        List<Long> ours = issues(450);
        AtomicInteger asked = new AtomicInteger();

        JobRunnerResponse stopped = job.runJob(request(() -> asked.incrementAndGet() > 1)); // after one batch

        assertThat(stopped.getRunOutcome()).isEqualTo(RunOutcome.ABORTED);
        assertThat(store.read().state()).isEqualTo(State.INTERRUPTED);
        assertThat(store.read().checkpoint()).isEqualTo(ours.get(199));

        job.runJob(request());

        assertThat(storedIds()).containsExactlyElementsOf(ours);
        assertThat(records.upserts).hasValue(450);
    }

    @Test
    void aFinishedRunIsFollowedByAFreshOne() {
        issues(3);
        job.runJob(request());

        job.runJob(request());

        assertThat(search.afters).containsExactly(0L, 0L);
        assertThat(store.read().processed()).isEqualTo(3);
        assertThat(store.read().phase()).isEqualTo(Phase.PROJECTING);
    }

    @Test
    void oneIssueThatCannotBeProjectedIsCountedAndTheRestGoOn() {
        issues(3);
        jira.issues.get(1003L).summary(null); // a record needs a summary

        JobRunnerResponse response = job.runJob(request());

        assertThat(response.getMessage()).contains("projected 3 issues").contains("1 issues could not be projected");
        assertThat(storedIds()).containsExactly(1000L, 1006L);
        assertThat(store.read().failed()).isEqualTo(1);
        assertThat(store.read().lastError()).contains("INC-2");
    }

    @Test
    void beforeSetupThereIsNothingToDo() {
        TestJira bare = new TestJira(false);
        BackfillProgressStore bareStore = new BackfillProgressStore(bare.settings.factory());
        BackfillJob bareJob = new BackfillJob(search, bare.projection, bare.setup, bare.records, bareStore, locks,
                Clock.fixed(NOW, ZoneOffset.UTC));

        JobRunnerResponse response = bareJob.runJob(request());

        assertThat(response.getMessage()).isEqualTo(BackfillJob.NOT_SET_UP);
        assertThat(bareStore.read().state()).isEqualTo(State.DONE);
        assertThat(search.afters).isEmpty();
    }

    // ----- the one-time migration of the old "Learnings" / "Next steps" text fields -----

    /** Learnings and action items as the failure database holds them: a list per issue id. */
    private final java.util.Map<Long, List<String>> learned = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.Map<Long, List<String>> planned = new java.util.concurrent.ConcurrentHashMap<>();

    private LegacyTextMigration legacy() {
        dev.failforward.core.record.LearningRepository learnings = mock(dev.failforward.core.record.LearningRepository.class);
        dev.failforward.core.record.ActionItemRepository actions = mock(dev.failforward.core.record.ActionItemRepository.class);
        org.mockito.Mockito.when(learnings.findByRecord(org.mockito.ArgumentMatchers.anyLong())).thenAnswer(call -> {
            long id = call.getArgument(0);
            return learned.getOrDefault(id, List.of()).stream().map(text -> new dev.failforward.core.record.Learning.Draft(
                    id, text, dev.failforward.core.record.LearningKind.INSIGHT, "u", NOW).withId(1)).toList();
        });
        org.mockito.Mockito.when(learnings.add(org.mockito.ArgumentMatchers.any())).thenAnswer(call -> {
            dev.failforward.core.record.Learning.Draft draft = call.getArgument(0);
            learned.computeIfAbsent(draft.recordIssueId(), k -> new ArrayList<>()).add(draft.text());
            return draft.withId(1);
        });
        org.mockito.Mockito.when(actions.findByRecord(org.mockito.ArgumentMatchers.anyLong())).thenAnswer(call -> {
            long id = call.getArgument(0);
            return planned.getOrDefault(id, List.of()).stream().map(text -> new dev.failforward.core.record.ActionItem.Draft(
                    id, text, "u", java.time.LocalDate.of(2026, 12, 1), dev.failforward.core.record.ActionType.PREVENT,
                    null, NOW).withId(1)).toList();
        });
        org.mockito.Mockito.when(actions.add(org.mockito.ArgumentMatchers.any())).thenAnswer(call -> {
            dev.failforward.core.record.ActionItem.Draft draft = call.getArgument(0);
            planned.computeIfAbsent(draft.recordIssueId(), k -> new ArrayList<>()).add(draft.description());
            return draft.withId(1);
        });
        return new LegacyTextMigration(new dev.failforward.jira.fields.IssueFields(jira.fields), learnings, actions,
                jira.settings.factory());
    }

    @Test
    void theFirstFullRunMigratesTheOldTextFieldsOnceAndLaterRunsLeaveTheRecordsAlone() {
        List<Long> ours = issues(450);
        long first = ours.get(1);
        long last = ours.get(449);
        jira.issues.get(first).set(dev.failforward.jira.fields.FailForwardField.LEARNINGS, "- a\n- b\n- c")
                .set(dev.failforward.jira.fields.FailForwardField.NEXT_STEPS, "1. x\n2. y");
        jira.issues.get(last).set(dev.failforward.jira.fields.FailForwardField.LEARNINGS, "only one");
        LegacyTextMigration legacy = legacy();
        BackfillJob migrating = new BackfillJob(search, projection, jira.setup, jira.records, store, locks,
                Clock.fixed(NOW, ZoneOffset.UTC), legacy);
        records.dieAtUpsert = 300; // the node dies part-way: the resumed run must go on migrating

        assertThatThrownBy(() -> migrating.runJob(request())).isInstanceOf(NodeDied.class);
        assertThat(learned).containsOnlyKeys(first);
        assertThat(legacy.state()).isEqualTo(LegacyTextMigration.State.RUNNING);

        assertThat(migrating.runJob(request()).getRunOutcome()).isEqualTo(RunOutcome.SUCCESS);
        assertThat(learned).containsOnly(java.util.Map.entry(first, List.of("a", "b", "c")),
                java.util.Map.entry(last, List.of("only one")));
        assertThat(planned).containsOnly(java.util.Map.entry(first, List.of("x", "y")));
        assertThat(legacy.state()).isEqualTo(LegacyTextMigration.State.DONE);

        // the nightly reconcile: someone deleted a migrated learning on the record; it does not come back
        learned.get(first).remove("b");
        assertThat(migrating.runJob(request()).getRunOutcome()).isEqualTo(RunOutcome.SUCCESS);
        assertThat(learned.get(first)).containsExactly("a", "c");
    }

    @Test
    void aFailedMigrationIsRetriedByTheNextRunWithoutDuplicates() {
        List<Long> ours = issues(4);
        long incident = ours.get(1);
        jira.issues.get(incident).set(dev.failforward.jira.fields.FailForwardField.LEARNINGS, "- a\n- b");
        LegacyTextMigration broken = new LegacyTextMigration(new dev.failforward.jira.fields.IssueFields(jira.fields),
                mock(dev.failforward.core.record.LearningRepository.class, call -> {
                    throw new IllegalStateException("database gone");
                }), mock(dev.failforward.core.record.ActionItemRepository.class), jira.settings.factory());
        BackfillJob failing = new BackfillJob(search, projection, jira.setup, jira.records, store, locks,
                Clock.fixed(NOW, ZoneOffset.UTC), broken);

        assertThat(failing.runJob(request()).getMessage()).contains("1 issues could not be projected");
        assertThat(broken.state()).isEqualTo(LegacyTextMigration.State.PENDING);

        LegacyTextMigration legacy = legacy();
        BackfillJob job = new BackfillJob(search, projection, jira.setup, jira.records, store, locks,
                Clock.fixed(NOW, ZoneOffset.UTC), legacy);
        job.runJob(request());
        job.runJob(request());
        assertThat(learned).containsOnly(java.util.Map.entry(incident, List.of("a", "b")));
        assertThat(legacy.state()).isEqualTo(LegacyTextMigration.State.DONE);
    }
}
