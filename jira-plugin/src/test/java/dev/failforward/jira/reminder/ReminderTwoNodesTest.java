package dev.failforward.jira.reminder;

import dev.failforward.host.ao.AoDatabase;
import dev.failforward.host.db.TestDatabases;
import dev.failforward.jira.persistence.AoActionItemRepository;
import dev.failforward.jira.persistence.AoFailureRecordRepository;
import dev.failforward.jira.persistence.FailureDbSchema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static dev.failforward.jira.reminder.ReminderFixture.NOW;
import static dev.failforward.jira.reminder.ReminderFixture.TODAY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16: a reminder is sent once per item and day even with two nodes running the job. Two "nodes" (two connection
 * pools on one database, each with its own stores and job) run the daily job at the same moment, over and over;
 * every item's owner hears of it exactly once that day, the lead of a long-overdue item once, and nobody else.
 */
class ReminderTwoNodesTest {

    private static final int MANY = 40;

    private List<AoDatabase> nodes;
    private final ReminderFixture.People people = new ReminderFixture.People();
    private final ReminderFixture.RecordingOutbox outbox = new ReminderFixture.RecordingOutbox();
    private ReminderSettings settings;

    @BeforeEach
    void open() {
        nodes = TestDatabases.openAoForNodes("dev.failforward.jira", 2);
        nodes.get(0).activeObjects().migrate(FailureDbSchema.entities());
        settings = new ReminderSettings(ReminderFixture.settings());
    }

    @AfterEach
    void close() {
        for (int i = nodes.size() - 1; i >= 0; i--) {
            try {
                nodes.get(i).close();
            } catch (IllegalStateException e) {
                // HSQLDB: closing one shut the shared in-memory database down already
            }
        }
    }

    @Test
    void twoNodesRunningTheJobAtOnceMailEachItemOncePerKindAndDay() throws Exception {
        AoFailureRecordRepository records = new AoFailureRecordRepository(nodes.get(0).activeObjects());
        AoActionItemRepository actions = new AoActionItemRepository(nodes.get(0).activeObjects());
        ReminderFixture.record(records, 1, "OPS-1", "Checkout outage", NOW);
        ReminderFixture.record(records, 2, "LAB-1", "Canary experiment", NOW);
        Map<String, Map<String, Long>> expected = new HashMap<>();
        int n = 0;
        // many items of anna's and ben's, due from 5 days ago to 3 days ahead (all remindable), both projects
        for (; n < MANY; n++) {
            String owner = n % 2 == 0 ? "anna" : "ben";
            long record = owner.equals("ben") || n % 4 == 0 ? 1 : 2;
            ReminderFixture.open(actions, record, n, owner, (n % 9) - 5);
            expected.computeIfAbsent(owner, k -> new HashMap<>()).put("desc-" + n, 1L);
        }
        ReminderFixture.open(actions, 1, n++, "anna", 4);            // not yet: 4 days ahead, settings say 3
        ReminderFixture.open(actions, 2, n++, "ben", -1);            // ben cannot browse LAB: never mailed
        ReminderFixture.open(actions, 1, n++, "nomail", -2);         // no address: skipped
        String longOverdue = "desc-" + n;
        ReminderFixture.open(actions, 1, n, "anna", -9);             // 9 days overdue: anna, and the OPS lead
        expected.get("anna").put(longOverdue, 1L);
        expected.put("lead-ops", new HashMap<>(Map.of(longOverdue, 1L)));
        n++;
        ReminderFixture.doneAwaitingCheckIn(actions, 1, n, "ben", -1); // check-in due
        expected.get("ben").put("desc-" + n, 1L);
        n++;
        ReminderFixture.doneAwaitingCheckIn(actions, 1, n, "ben", 2);  // check-in not yet due

        List<FollowUpReminderJob> jobs = List.of(
                ReminderFixture.reminderJob(nodes.get(0).activeObjects(), people, outbox, settings),
                ReminderFixture.reminderJob(nodes.get(1).activeObjects(), people, outbox, settings));
        for (int round = 0; round < 3; round++) {
            runAtOnce(jobs, TODAY);
        }

        assertThat(outbox.itemsMailedTo("anna")).isEqualTo(expected.get("anna"));
        assertThat(outbox.itemsMailedTo("ben")).isEqualTo(expected.get("ben"));
        assertThat(outbox.itemsMailedTo("lead-ops")).isEqualTo(expected.get("lead-ops"));
        assertThat(outbox.queued).extracting(m -> m.recipientKey()).containsOnly("anna", "ben", "lead-ops");
        // each mail links the records of its items: when the two nodes split an owner's items, one mail may hold
        // only LAB-1's (the lead's and ben's are all OPS-1's)
        assertThat(outbox.queued).allSatisfy(mail -> assertThat(mail.htmlBody()).doesNotContain("<script")
                .containsAnyOf(ReminderFixture.BASE + "/browse/OPS-1", ReminderFixture.BASE + "/browse/LAB-1"));
        assertThat(outbox.queued).anySatisfy(mail -> assertThat(mail.htmlBody())
                .contains(ReminderFixture.BASE + "/browse/OPS-1"));
        assertThat(outbox.queued).anySatisfy(mail -> assertThat(mail.htmlBody())
                .contains(ReminderFixture.BASE + "/browse/LAB-1"));

        // the next day: the owners again (a daily reminder), the lead not (told once per due date)
        outbox.queued.clear();
        runAtOnce(jobs, TODAY.plusDays(1));
        runAtOnce(jobs, TODAY.plusDays(1));
        assertThat(outbox.itemsMailedTo("lead-ops")).isEmpty();
        assertThat(outbox.itemsMailedTo("anna")).containsEntry(longOverdue, 1L).containsEntry("desc-" + MANY, 1L)
                .allSatisfy((item, times) -> assertThat(times).as(item).isEqualTo(1L));
        assertThat(outbox.itemsMailedTo("ben")).allSatisfy((item, times) -> assertThat(times).as(item).isEqualTo(1L));
    }

    private void runAtOnce(List<FollowUpReminderJob> jobs, java.time.LocalDate day) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(jobs.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Callable<FollowUpReminderJob.Tally>> runs = new ArrayList<>();
            for (FollowUpReminderJob job : jobs) {
                runs.add(() -> {
                    start.await();
                    return job.run(day, NOW, settings.read(), () -> false);
                });
            }
            List<Future<FollowUpReminderJob.Tally>> done = new ArrayList<>();
            for (Callable<FollowUpReminderJob.Tally> run : runs) {
                done.add(threads.submit(run));
            }
            start.countDown();
            for (Future<FollowUpReminderJob.Tally> tally : done) {
                assertThat(tally.get(120, TimeUnit.SECONDS).failed).isZero();
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
