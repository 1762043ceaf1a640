package dev.failforward.jira.persistence;

import dev.failforward.core.record.ActionItem;
import dev.failforward.core.record.ActionItemCommand;
import dev.failforward.core.record.ActionStatus;
import dev.failforward.core.record.FailureRecord;
import dev.failforward.core.record.RecordKind;
import dev.failforward.host.ao.AoDatabase;
import dev.failforward.host.db.TestDatabases;
import dev.failforward.jira.huddle.Huddle;
import dev.failforward.jira.huddle.HuddleStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code HUDDLE} through {@link AoHuddles}: one huddle per team and ISO week, also when two nodes mark it held at the
 * same moment; the team's history; and the overdue follow-ups of a team's projects.
 */
class HuddleStoreTest {

    private static final Instant MONDAY = Instant.parse("2026-11-30T09:00:00Z");

    private List<AoDatabase> nodes;

    @BeforeEach
    void open() {
        nodes = TestDatabases.openAoForNodes("dev.failforward.jira", 2);
        nodes.get(0).activeObjects().migrate(FailureDbSchema.entities());
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
    void teamKeysAndWeeks() {
        assertThat(Huddle.teamKey(List.of("care", " OPS"))).isEqualTo("CARE,OPS");
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            many.add("PROJECT" + i);
        }
        assertThat(Huddle.teamKey(many)).startsWith("sha256:").hasSize(7 + 64);
        assertThat(Huddle.week(MONDAY, ZoneId.of("UTC"))).isEqualTo("2026-W49");
        // Sunday 23:30 in UTC is already Monday in Berlin: the week follows the zone
        Instant sundayNight = Instant.parse("2026-12-06T23:30:00Z");
        assertThat(Huddle.week(sundayNight, ZoneId.of("UTC"))).isEqualTo("2026-W49");
        assertThat(Huddle.week(sundayNight, ZoneId.of("Europe/Berlin"))).isEqualTo("2026-W50");
        assertThat(Huddle.week(Instant.parse("2027-01-01T12:00:00Z"), ZoneId.of("UTC"))).isEqualTo("2026-W53");
    }

    @Test
    void aSecondHuddleInTheSameWeekKeepsTheFirstAndTheHistoryIsNewestFirst() {
        AoHuddles store = new AoHuddles(nodes.get(0).activeObjects());
        HuddleStore.Held first = store.hold(huddle("2026-W48", MONDAY.minusSeconds(7 * 86400), "u-fred", 3, 7L));
        HuddleStore.Held second = store.hold(huddle("2026-W49", MONDAY, "u-fred", 2, null));
        HuddleStore.Held again = store.hold(huddle("2026-W49", MONDAY.plusSeconds(3600), "u-vera", 9, 8L));

        assertThat(first.created()).isTrue();
        assertThat(second.created()).isTrue();
        assertThat(again.created()).isFalse();
        assertThat(again.huddle()).isEqualTo(second.huddle());
        assertThat(again.huddle().heldBy()).isEqualTo("u-fred");
        assertThat(again.huddle().projectKeys()).containsExactly("CARE", "OPS");
        assertThat(store.history("CARE,OPS", 10)).extracting(Huddle::week).containsExactly("2026-W49", "2026-W48");
        assertThat(store.history("CARE,OPS", 10).get(1).celebratedLearningId()).isEqualTo(7L);
        assertThat(store.last("CARE,OPS")).contains(second.huddle());
        assertThat(store.last("OPS")).isEmpty();
    }

    @Test
    void twoNodesMarkingTheSameHuddleAtOnceStoreOne() throws Exception {
        List<AoHuddles> stores = List.of(new AoHuddles(nodes.get(0).activeObjects()),
                new AoHuddles(nodes.get(1).activeObjects()));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int week = 10; week < 40; week++) {
                String w = "2026-W" + week;
                CountDownLatch start = new CountDownLatch(1);
                List<Future<HuddleStore.Held>> both = new ArrayList<>();
                for (int n = 0; n < 2; n++) {
                    AoHuddles node = stores.get(n);
                    Huddle huddle = huddle(w, MONDAY.plusSeconds(week), n == 0 ? "u-fred" : "u-vera", n, null);
                    both.add(pool.submit(() -> {
                        start.await();
                        return node.hold(huddle);
                    }));
                }
                start.countDown();
                HuddleStore.Held a = both.get(0).get(60, TimeUnit.SECONDS);
                HuddleStore.Held b = both.get(1).get(60, TimeUnit.SECONDS);
                assertThat(a.created() ^ b.created()).as("exactly one node held " + w).isTrue();
                assertThat(a.huddle()).isEqualTo(b.huddle());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(nodes.get(1).activeObjects().count(HuddleEntity.class, "ID > ?", 0)).isEqualTo(30);
    }

    @Test
    void overdueFollowUpsAreTheOpenItemsPastDueInTheTeamsProjects() {
        var ao = nodes.get(0).activeObjects();
        AoFailureRecordRepository records = new AoFailureRecordRepository(ao);
        AoActionItemRepository actions = new AoActionItemRepository(ao);
        records.upsert(record(1, "OPS-1"));
        records.upsert(record(2, "CARE-1"));
        records.upsert(record(3, "SEC-1"));
        ActionItem late = actions.add(action(1, "Add the alert", "2026-11-20"));
        actions.add(action(1, "Due today", "2026-11-30"));
        ActionItem lateCare = actions.add(action(2, "Fix the courier route", "2026-11-25"));
        actions.add(action(3, "Hidden project", "2026-11-01"));
        ActionItem done = actions.add(action(1, "Done already", "2026-11-02"));
        actions.update(new ActionItem(done.id(), done.recordIssueId(), done.description(), done.ownerKey(),
                done.dueDate(), done.type(), ActionStatus.DONE, done.checkInDate(), null, null, done.createdAt(),
                done.createdAt(), done.version()));

        List<HuddleStore.OverdueAction> overdue = new AoHuddles(ao).overdue(Set.of("OPS", "CARE"),
                LocalDate.parse("2026-11-30"), 10);

        assertThat(overdue).as("the latest due date first").extracting(o -> o.item().id())
                .containsExactly(lateCare.id(), late.id());
        assertThat(overdue.get(1).issueKey()).isEqualTo("OPS-1");
        assertThat(overdue.get(0).summary()).isEqualTo("Summary of CARE-1");
        assertThat(new AoHuddles(ao).overdue(Set.of("OPS", "CARE"), LocalDate.parse("2026-11-30"), 1)).hasSize(1);
        assertThat(new AoHuddles(ao).overdue(Set.of(), LocalDate.parse("2026-11-30"), 10)).isEmpty();
    }

    private static Huddle huddle(String week, Instant at, String by, int failures, Long celebrated) {
        return new Huddle("CARE,OPS", List.of("OPS", "CARE"), week, at, by, failures, celebrated, null);
    }

    private static FailureRecord record(long id, String key) {
        return FailureRecord.builder().issueId(id).issueKey(key).projectKey(key.substring(0, key.indexOf('-')))
                .kind(RecordKind.INCIDENT).summary("Summary of " + key).status("Analysing")
                .createdAndUpdatedAt(MONDAY.minusSeconds(30 * 86400)).build();
    }

    private static ActionItem.Draft action(long issueId, String text, String due) {
        return new ActionItemCommand(text, "u-fred", due, "prevent", null, null, null, null)
                .toDraft(issueId, MONDAY.minusSeconds(40 * 86400)).value();
    }
}
