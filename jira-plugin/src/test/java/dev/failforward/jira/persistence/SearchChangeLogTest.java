package dev.failforward.jira.persistence;

import com.atlassian.activeobjects.external.ActiveObjects;
import com.atlassian.activeobjects.external.ModelVersion;
import dev.failforward.core.incident.FailureCategory;
import dev.failforward.core.incident.FailureType;
import dev.failforward.core.record.ActionItem;
import dev.failforward.core.record.ActionStatus;
import dev.failforward.core.record.ActionType;
import dev.failforward.core.record.FailureRecord;
import dev.failforward.core.record.Learning;
import dev.failforward.core.record.LearningKind;
import dev.failforward.core.record.RecordKind;
import dev.failforward.core.record.WhyStep;
import dev.failforward.host.ao.AoDatabase;
import dev.failforward.host.db.TestDatabases;
import dev.failforward.jira.failuredb.RecordDetails;
import dev.failforward.jira.search.SearchableRecord;
import dev.failforward.jira.search.node.RecordTextStore.RecordText;
import dev.failforward.jira.search.node.SearchChangeFeed;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The search change log ({@code SEARCH_CHANGE}, model version 7) and what the search index reads: every path that
 * changes a record's searchable data logs a row in its own transaction, the tail's queries, the purge, the issue text
 * and the batched reads of whole records (with their speed).
 */
class SearchChangeLogTest {

    private static final Instant T0 = Instant.parse("2026-05-04T08:00:00Z");

    private AoDatabase db;
    private ActiveObjects ao;
    private AoSearchChangeLog feed;
    private AoFailureRecordRepository records;
    private AoLearningRepository learnings;
    private AoActionItemRepository actions;
    private AoWhyStepRepository whys;
    private AoRecordTextStore texts;
    private AoSearchableRecordSource source;

    @BeforeEach
    void open() {
        db = TestDatabases.openAo("dev.failforward.jira");
        ao = db.activeObjects();
        ao.migrate(FailureDbSchema.entities());
        feed = new AoSearchChangeLog(ao);
        records = new AoFailureRecordRepository(ao);
        learnings = new AoLearningRepository(ao);
        actions = new AoActionItemRepository(ao);
        whys = new AoWhyStepRepository(ao);
        texts = new AoRecordTextStore(ao);
        source = new AoSearchableRecordSource(ao);
    }

    @AfterEach
    void close() {
        db.close();
    }

    static FailureRecord incident(long issueId, String project, String summary) {
        return FailureRecord.builder().issueId(issueId).issueKey(project + "-" + issueId).kind(RecordKind.INCIDENT)
                .summary(summary).status("Reported").failureType(FailureType.COMPLEX)
                .failureCategory(FailureCategory.DESIGN_FLAW).createdAt(T0).updatedAt(T0).discoveredAt(T0).build();
    }

    /** The issue ids of the change rows logged since {@code afterId}. */
    private List<Long> loggedSince(long afterId) {
        return feed.after(afterId, 1000).stream().map(SearchChangeFeed.Change::issueId).toList();
    }

    @Test
    void isModelVersionSevenAndCreatesItsTablesTwice() {
        AoDatabase fresh = TestDatabases.openAo("dev.failforward.jira");
        try {
            assertThat(new FailureDbUpgradeTask007().getModelVersion()).isEqualTo(ModelVersion.valueOf("7"));
            new FailureDbUpgradeTask007().upgrade(ModelVersion.valueOf("6"), fresh.activeObjects());
            new FailureDbUpgradeTask007().upgrade(ModelVersion.valueOf("6"), fresh.activeObjects());
            fresh.activeObjects().migrate(FailureDbSchema.entities()); // the live entities on top: the same tables
            new RecordChangeLog(fresh.activeObjects()).full(List.of(7L));
            assertThat(new AoSearchChangeLog(fresh.activeObjects()).after(0, 10)).extracting(c -> c.issueId())
                    .containsExactly(7L);
        } finally {
            fresh.close();
        }
    }

    @Test
    void everyChangeOfASearchableThingLogsARow() {
        long mark = feed.maxId();
        FailureRecord stored = records.upsert(incident(101, "OPS", "Checkout down"));
        assertThat(loggedSince(mark)).containsExactly(101L);

        mark = feed.maxId();
        records.upsert(incident(101, "OPS", "Checkout down")); // the same snapshot again: nothing changed
        assertThat(loggedSince(mark)).isEmpty();
        records.upsert(stored.toBuilder().summary("Checkout was down").updatedAt(T0.plusSeconds(60)).build());
        records.upsert(stored.toBuilder().issueKey("CARE-101").summary("Checkout was down")
                .updatedAt(T0.plusSeconds(120)).build()); // moved to another project
        assertThat(loggedSince(mark)).containsExactly(101L, 101L);

        mark = feed.maxId();
        Learning learning = learnings.add(new Learning.Draft(101, "Pools need alarms", LearningKind.INSIGHT, "u", T0));
        learnings.update(new Learning(learning.id(), 101, "Pools need early alarms", LearningKind.INSIGHT, "u", T0));
        learnings.delete(learning.id());
        assertThat(loggedSince(mark)).containsExactly(101L, 101L, 101L);

        mark = feed.maxId();
        ActionItem item = actions.add(new ActionItem.Draft(101, "Add a pool alarm", "u-fred", LocalDate.of(2026, 6, 1),
                ActionType.PREVENT, null, T0));
        ActionItem edited = actions.update(new ActionItem(item.id(), 101, "Add pool alarms", "u-fred",
                LocalDate.of(2026, 6, 1), ActionType.PREVENT, ActionStatus.OPEN, null, null, null, T0,
                T0.plusSeconds(5), item.version()));
        actions.setFollowUp(edited.id(), 55_001L, "OPS-900");
        actions.delete(edited.id());
        assertThat(loggedSince(mark)).containsExactly(101L, 101L, 101L, 101L);

        mark = feed.maxId();
        whys.replaceAll(101, List.of(new WhyStep(101, 1, "Why down?", "Pool exhausted")));
        assertThat(texts.write(101, new RecordText("The checkout failed", "Pool size\nNo alarm"))).isTrue();
        assertThat(texts.write(101, new RecordText("The checkout failed", "Pool size\nNo alarm"))).isFalse();
        assertThat(texts.write(101, new RecordText("The checkout failed for 20 minutes", "  "))).isTrue();
        assertThat(loggedSince(mark)).containsExactly(101L, 101L, 101L);
        assertThat(texts.find(101)).contains(new RecordText("The checkout failed for 20 minutes", null));

        mark = feed.maxId();
        assertThat(records.deleteByIssueId(101)).isTrue();
        assertThat(loggedSince(mark)).containsExactly(101L);
        assertThat(texts.find(101)).isEmpty();
        assertThat(source.load(List.of(101L))).isEmpty();
    }

    @Test
    void aRolledBackChangeLeavesNoRow() {
        long mark = feed.maxId();
        assertThatThrownBy(() -> ao.executeInTransaction(() -> {
            new RecordChangeLog(ao).searchOnly(202);
            throw new IllegalStateException("the change fails after its row was inserted");
        })).hasMessageContaining("the change fails");
        assertThat(loggedSince(mark)).isEmpty();
    }

    @Test
    void tailQueriesAndPurge() {
        AtomicLong now = new AtomicLong(1_000_000);
        RecordChangeLog log = new RecordChangeLog(ao, now::get);
        List<Long> ids = new ArrayList<>();
        for (long issue = 1; issue <= 6; issue++) {
            now.addAndGet(1_000);
            ao.executeInTransaction(() -> {
                log.searchOnly(0);
                return null;
            });
            ids.add(feed.maxId());
        }
        assertThat(feed.after(ids.get(1), 3)).extracting(SearchChangeFeed.Change::id)
                .containsExactly(ids.get(2), ids.get(3), ids.get(4));
        // created at or after 1,003,000, above the 2nd and at most the 5th
        assertThat(feed.recentBetween(1_003_000, ids.get(1), ids.get(4), 10)).extracting(SearchChangeFeed.Change::id)
                .containsExactly(ids.get(2), ids.get(3), ids.get(4));
        assertThat(feed.recentBetween(1_003_000, ids.get(1), ids.get(4), 10).get(0).createdAt()).isEqualTo(1_003_000);
        assertThat(feed.maxId()).isEqualTo(ids.get(5));

        assertThat(feed.purgeBefore(1_004_000)).isEqualTo(3);
        assertThat(feed.purgeBefore(1_004_000)).isZero(); // again, or from another node: nothing left to delete
        assertThat(feed.after(0, 10)).extracting(SearchChangeFeed.Change::id)
                .containsExactly(ids.get(3), ids.get(4), ids.get(5));
    }

    @Test
    void loadsWholeRecordsAsTheRepositoriesReadThem() {
        records.upsert(incident(301, "OPS", "Checkout down"));
        records.upsert(incident(302, "OPS", "Search slow"));
        records.upsert(incident(303, "CARE", "Chat lost"));
        learnings.add(new Learning.Draft(301, "Second", LearningKind.INSIGHT, "u", T0.plusSeconds(60)));
        learnings.add(new Learning.Draft(301, "First", LearningKind.WENT_WELL, "u", T0));
        learnings.add(new Learning.Draft(303, "Chat needs retries", LearningKind.INSIGHT, "u", T0));
        actions.add(new ActionItem.Draft(301, "Later", "u", LocalDate.of(2026, 7, 1), ActionType.PREVENT, null, T0));
        actions.add(new ActionItem.Draft(301, "Sooner", "u", LocalDate.of(2026, 6, 1), ActionType.DETECT, null, T0));
        whys.replaceAll(301, List.of(new WhyStep(301, 1, "Why?", "Pool"), new WhyStep(301, 2, "Why?", "Config")));
        texts.write(301, new RecordText("The checkout failed", "Pool size"));

        SearchableRecord expected = new SearchableRecord(new RecordDetails(records.findByIssueId(301).orElseThrow(),
                learnings.findByRecord(301), actions.findByRecord(301), whys.findByRecord(301)),
                "The checkout failed", "Pool size");
        Map<Long, SearchableRecord> loaded = source.load(List.of(301L, 302L, 999L));
        assertThat(loaded).containsOnlyKeys(301L, 302L);
        assertThat(loaded.get(301L)).isEqualTo(expected);
        assertThat(loaded.get(301L).details().learnings()).extracting(Learning::text).containsExactly("First", "Second");
        assertThat(loaded.get(302L).details().learnings()).isEmpty();
        assertThat(loaded.get(302L).description()).isNull();

        assertThat(source.page(Long.MIN_VALUE, 2)).extracting(SearchableRecord::issueId).containsExactly(301L, 302L);
        assertThat(source.page(301, 2)).extracting(SearchableRecord::issueId).containsExactly(302L, 303L);
        assertThat(source.page(301, 2).get(1).details().learnings()).extracting(Learning::text)
                .containsExactly("Chat needs retries");
        assertThat(source.page(301, 2).get(0)).isEqualTo(loaded.get(302L));
        assertThat(source.page(303, 2)).isEmpty();
        assertThat(source.count()).isEqualTo(3);
    }

    /** A rebuild's read: every record in pages, five queries a page. Prints the rate; asserts a floor far below it. */
    @Test
    void readsRecordsForARebuildInBatches() {
        int count = 5_000;
        List<Map<String, Object>> recordRows = new ArrayList<>();
        List<Map<String, Object>> learningRows = new ArrayList<>();
        List<Map<String, Object>> actionRows = new ArrayList<>();
        List<Map<String, Object>> whyRows = new ArrayList<>();
        List<Map<String, Object>> textRows = new ArrayList<>();
        for (long id = 1; id <= count; id++) {
            recordRows.add(AoFailureRecordRepository.columns(incident(100_000 + id, "OPS", "Incident number " + id)));
            for (int l = 0; l < 2; l++) {
                Map<String, Object> row = new HashMap<>();
                row.put(LearningEntity.RECORD_ISSUE_ID, 100_000 + id);
                row.put(LearningEntity.BODY, "Learning " + l + " of " + id + ": alarms on pools help");
                row.put(LearningEntity.SEARCH_TEXT, "learning " + l);
                row.put(LearningEntity.KIND, LearningKind.INSIGHT.name());
                row.put(LearningEntity.AUTHOR_KEY, "u");
                row.put(LearningEntity.CREATED_AT, Date.from(T0.plusSeconds(l)));
                learningRows.add(row);
            }
            Map<String, Object> action = new HashMap<>();
            action.put(ActionItemEntity.RECORD_ISSUE_ID, 100_000 + id);
            action.put(ActionItemEntity.DESCRIPTION, "Add a pool alarm");
            action.put(ActionItemEntity.OWNER_KEY, "u-fred");
            action.put(ActionItemEntity.DUE_DATE, "2026-06-30");
            action.put(ActionItemEntity.ITEM_TYPE, "PREVENT");
            action.put(ActionItemEntity.STATUS, "OPEN");
            action.put(ActionItemEntity.CREATED_AT, Date.from(T0));
            action.put(ActionItemEntity.UPDATED_AT, Date.from(T0));
            actionRows.add(action);
            for (int w = 1; w <= 2; w++) {
                Map<String, Object> why = new HashMap<>();
                why.put(WhyStepEntity.RECORD_ISSUE_ID, 100_000 + id);
                why.put(WhyStepEntity.STEP_NO, w);
                why.put(WhyStepEntity.QUESTION, "Why " + w + "?");
                why.put(WhyStepEntity.ANSWER, "Because " + w);
                whyRows.add(why);
            }
            Map<String, Object> text = new HashMap<>();
            text.put(RecordTextEntity.RECORD_ISSUE_ID, 100_000 + id);
            text.put(RecordTextEntity.DESCRIPTION, "The description of incident " + id + ", a few sentences long.");
            text.put(RecordTextEntity.CONTRIBUTING_FACTORS, "Pool size\nNo alarm");
            textRows.add(text);
        }
        for (int from = 0; from < count; from += 500) {
            int f = from;
            ao.executeInTransaction(() -> {
                ao.create(FailureRecordEntity.class, recordRows.subList(f, f + 500));
                ao.create(LearningEntity.class, learningRows.subList(2 * f, 2 * f + 1000));
                ao.create(ActionItemEntity.class, actionRows.subList(f, f + 500));
                ao.create(WhyStepEntity.class, whyRows.subList(2 * f, 2 * f + 1000));
                ao.create(RecordTextEntity.class, textRows.subList(f, f + 500));
                return null;
            });
        }
        int read = 0;
        int learningsRead = 0;
        long t0 = 0;
        for (int pass = 0; pass < 2; pass++) { // the first pass warms up the JIT and the database's caches
            t0 = System.nanoTime();
            read = 0;
            learningsRead = 0;
            long after = Long.MIN_VALUE;
            while (true) {
                List<SearchableRecord> page = source.page(after, 500);
                if (page.isEmpty()) {
                    break;
                }
                read += page.size();
                for (SearchableRecord record : page) {
                    learningsRead += record.details().learnings().size();
                }
                after = page.get(page.size() - 1).issueId();
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        double rate = read / seconds;
        System.out.printf("Search index rebuild read on %s: %d records (2 learnings, 1 action item, 2 whys, text "
                + "each) in %.2f s = %.0f records/s%n", TestDatabases.databaseName(), read, seconds, rate);
        assertThat(read).isEqualTo(count);
        assertThat(learningsRead).isEqualTo(2 * count);
        assertThat(rate).as("records/s (target 5,000 on an idle machine)").isGreaterThan(1_000);
        assertThat(source.load(List.of(100_001L, 105_000L)).get(105_000L).details().whys()).hasSize(2);
        assertThat(Set.copyOf(source.load(List.of(100_001L)).get(100_001L).details().actionItems()
                .stream().map(ActionItem::description).toList())).containsExactly("Add a pool alarm");
    }
}
