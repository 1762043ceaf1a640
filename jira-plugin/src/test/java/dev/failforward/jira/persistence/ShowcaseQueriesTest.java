package dev.failforward.jira.persistence;

import dev.failforward.core.award.Award;
import dev.failforward.core.award.AwardSchedule;
import dev.failforward.core.award.AwardScope;
import dev.failforward.core.experiment.Decision;
import dev.failforward.core.experiment.Outcome;
import dev.failforward.core.record.ActionItem;
import dev.failforward.core.record.ActionStatus;
import dev.failforward.core.record.ActionType;
import dev.failforward.core.record.CheckInResult;
import dev.failforward.core.record.FailureRecord;
import dev.failforward.core.record.Learning;
import dev.failforward.core.record.LearningKind;
import dev.failforward.core.record.RecordKind;
import dev.failforward.host.ao.AoDatabase;
import dev.failforward.host.db.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The showcase's queries on the real ORM (HSQLDB, and PostgreSQL in the {@code postgres} execution): reuses counted per
 * learning within the period and the projects, experiments decided in the period with their next iterations, incidents
 * with a follow-up verified effective in the period, awards overlapping the period. Reuse rows are inserted directly,
 * as the learning-reuse REST writes them.
 */
class ShowcaseQueriesTest {

    /** Q3 2026 in UTC. */
    private static final Instant FROM = Instant.parse("2026-07-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-10-01T00:00:00Z");
    private static final Instant IN_Q3 = Instant.parse("2026-08-12T10:00:00Z");
    private static final Instant BEFORE = Instant.parse("2026-06-30T23:59:59Z");
    private static final Set<String> OPS_LAB = Set.of("OPS", "LAB");

    private AoDatabase db;
    private AoShowcaseQueries queries;
    private AoFailureRecordRepository records;
    private AoLearningRepository learnings;
    private AoActionItemRepository actions;

    @BeforeEach
    void open() {
        db = TestDatabases.openAo("dev.failforward.jira");
        db.activeObjects().migrate(FailureDbSchema.entities());
        queries = new AoShowcaseQueries(db.activeObjects());
        records = new AoFailureRecordRepository(db.activeObjects());
        learnings = new AoLearningRepository(db.activeObjects());
        actions = new AoActionItemRepository(db.activeObjects());
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void theMostReusedLearningsOfThePeriodComeFirstWithTheirKindsOfReuse() {
        record(1, "OPS-1", RecordKind.INCIDENT);
        record(2, "LAB-2", RecordKind.EXPERIMENT);
        record(3, "SEC-3", RecordKind.INCIDENT);
        Learning config = learn(1, "Config changes need a canary");
        Learning novelty = learn(2, "Novelty fades after two weeks");
        Learning unused = learn(2, "Nobody reused this");
        Learning hidden = learn(3, "A learning of a project not asked for");
        reuse(config, "retro", "page:9001", IN_Q3);
        reuse(config, "incident", "OPS-7", IN_Q3.plusSeconds(60));
        reuse(config, "retro", "page:9002", TO.minusSeconds(1));
        reuse(novelty, "experiment", "LAB-9", FROM);
        reuse(novelty, "retro", "page:9003", BEFORE); // before the period: not counted
        reuse(novelty, "retro", "page:9004", TO); // the end is exclusive
        reuse(hidden, "retro", "page:9005", IN_Q3);
        reuse(hidden, "retro", "page:9006", IN_Q3);
        reuse(hidden, "retro", "page:9007", IN_Q3);
        reuse(hidden, "retro", "page:9008", IN_Q3);

        List<AoShowcaseQueries.ReusedLearning> top = queries.mostReused(OPS_LAB, FROM, TO, 10);

        assertThat(top).extracting(AoShowcaseQueries.ReusedLearning::learningId)
                .containsExactly(config.id(), novelty.id());
        AoShowcaseQueries.ReusedLearning first = top.get(0);
        assertThat(first.body()).isEqualTo("Config changes need a canary");
        assertThat(first.learningKind()).isEqualTo("INSIGHT");
        assertThat(first.record().issueKey()).isEqualTo("OPS-1");
        assertThat(List.of(first.reuses(), first.retros(), first.records())).containsExactly(3L, 2L, 1L);
        assertThat(List.of(top.get(1).reuses(), top.get(1).retros(), top.get(1).records()))
                .containsExactly(1L, 0L, 1L);
        assertThat(queries.mostReused(OPS_LAB, FROM, TO, 1)).hasSize(1);
        assertThat(queries.mostReused(Set.of("HR"), FROM, TO, 10)).isEmpty();
        assertThat(unused.id()).isNotIn(top.stream().map(AoShowcaseQueries.ReusedLearning::learningId).toList());
    }

    @Test
    void experimentsDecidedInThePeriodInTheOrderDecidedWithTheirNextIterations() {
        records.upsert(experiment(10, "LAB-10").decidedAt(IN_Q3.plusSeconds(3600)).outcome(Outcome.REFUTED)
                .decision(Decision.PIVOT).build());
        records.upsert(experiment(11, "LAB-11").decidedAt(FROM).outcome(Outcome.CONFIRMED)
                .decision(Decision.SCALE_UP).build());
        records.upsert(experiment(12, "LAB-12").decidedAt(BEFORE).build());
        records.upsert(experiment(13, "LAB-13").decidedAt(TO).build());
        records.upsert(experiment(14, "HR-14").decidedAt(IN_Q3).build());
        records.upsert(experiment(15, "LAB-15").pivotedFrom("LAB-10").build());
        records.upsert(experiment(16, "HR-16").pivotedFrom("LAB-10").build());

        List<FailureRecord> decided = queries.decidedExperiments(OPS_LAB, FROM, TO);

        assertThat(decided).extracting(FailureRecord::issueKey).containsExactly("LAB-11", "LAB-10");
        AoShowcaseQueries.Capped<FailureRecord> latest = queries.decidedExperiments(OPS_LAB, FROM, TO, 1);
        assertThat(latest.total()).isEqualTo(2);
        assertThat(latest.items()).extracting(FailureRecord::issueKey).as("the most recently decided")
                .containsExactly("LAB-10");
        assertThat(decided.get(1).outcome()).isEqualTo(Outcome.REFUTED);
        assertThat(decided.get(1).decision()).isEqualTo(Decision.PIVOT);
        Map<String, List<FailureRecord>> next = queries.nextIterations(List.of("LAB-10", "LAB-11"));
        assertThat(next.get("LAB-10")).extracting(FailureRecord::issueKey).containsExactly("LAB-15", "HR-16");
        assertThat(next).doesNotContainKey("LAB-11");
    }

    @Test
    void incidentsWithAFollowUpVerifiedEffectiveInThePeriod() {
        record(20, "OPS-20", RecordKind.INCIDENT);
        record(21, "OPS-21", RecordKind.INCIDENT);
        record(22, "HR-22", RecordKind.INCIDENT);
        record(23, "LAB-23", RecordKind.EXPERIMENT);
        ActionItem canary = checked(20, "Make the canary stage mandatory", LocalDate.of(2026, 8, 1),
                CheckInResult.EFFECTIVE);
        checked(20, "Alert on error rate", LocalDate.of(2026, 9, 30), CheckInResult.EFFECTIVE);
        checked(20, "Train reviewers", LocalDate.of(2026, 8, 2), CheckInResult.PARTLY);
        checked(21, "Rotate certificates", LocalDate.of(2026, 10, 1), CheckInResult.EFFECTIVE); // after the period
        checked(22, "Two approvers", LocalDate.of(2026, 8, 3), CheckInResult.EFFECTIVE); // project not asked
        checked(23, "An experiment's action", LocalDate.of(2026, 8, 3), CheckInResult.EFFECTIVE); // not an incident

        List<AoShowcaseQueries.VerifiedIncident> verified = queries.verifiedIncidents(OPS_LAB,
                LocalDate.of(2026, 7, 1), LocalDate.of(2026, 10, 1));

        assertThat(verified).hasSize(1);
        assertThat(verified.get(0).incident().issueKey()).isEqualTo("OPS-20");
        assertThat(verified.get(0).effective()).extracting(ActionItem::description)
                .containsExactly("Make the canary stage mandatory", "Alert on error rate");
        assertThat(verified.get(0).effective().get(0).id()).isEqualTo(canary.id());
    }

    @Test
    void awardsWhosePeriodOverlapsTheShowcase() {
        AoAwards awards = new AoAwards(db.activeObjects());
        AwardSchedule quarters = AwardSchedule.quarterly(ZoneOffset.UTC);
        Award q3 = awards.ensure(new Award(AwardScope.instance(), quarters.periodAt(IN_Q3)));
        Award q2 = awards.ensure(new Award(AwardScope.instance(), quarters.periodAt(BEFORE)));
        Award group = awards.ensure(new Award(AwardScope.group("platform", "Platform", List.of("OPS")),
                quarters.periodAt(IN_Q3)));
        awards.ensure(new Award(AwardScope.instance(), quarters.periodAt(TO)));

        assertThat(queries.awardsOverlapping(LocalDate.of(2026, 7, 1), LocalDate.of(2026, 10, 1)))
                .containsExactly(q3.id(), group.id());
        assertThat(queries.awardsOverlapping(LocalDate.of(2026, 6, 1), LocalDate.of(2026, 7, 1)))
                .containsExactly(q2.id());
        assertThat(queries.awardsOverlapping(LocalDate.of(2026, 1, 1), LocalDate.of(2027, 1, 1)))
                .containsExactly(q2.id(), q3.id(), group.id(), "instance@2026-10-01");
    }

    // ----------------------------------------------------------------------------------------------------- helpers

    private void record(long id, String key, RecordKind kind) {
        records.upsert(FailureRecord.builder().issueId(id).issueKey(key).projectKey(key.substring(0, key.indexOf('-')))
                .kind(kind).summary("Summary of " + key).status("Open").createdAndUpdatedAt(BEFORE).build());
    }

    private static FailureRecord.Builder experiment(long id, String key) {
        return FailureRecord.builder().issueId(id).issueKey(key).projectKey(key.substring(0, key.indexOf('-')))
                .kind(RecordKind.EXPERIMENT).summary("Experiment " + key).status("Decided")
                .createdAndUpdatedAt(BEFORE);
    }

    private Learning learn(long recordIssueId, String text) {
        return learnings.add(new Learning.Draft(recordIssueId, text, LearningKind.INSIGHT, "u-anna", BEFORE));
    }

    private void reuse(Learning learning, String kind, String target, Instant at) {
        FailureRecord record = records.findByIssueId(learning.recordIssueId()).orElseThrow();
        Map<String, Object> row = new HashMap<>();
        row.put(LearningReuseEntity.REUSE_KEY, learning.id() + ":" + kind + ":" + target);
        row.put(LearningReuseEntity.LEARNING_ID, learning.id());
        row.put(LearningReuseEntity.RECORD_ISSUE_ID, record.issueId());
        row.put(LearningReuseEntity.PROJECT_KEY, record.projectKey());
        row.put(LearningReuseEntity.KIND, kind);
        row.put(LearningReuseEntity.TARGET, target);
        row.put(LearningReuseEntity.REUSED_BY, "u-ben");
        row.put(LearningReuseEntity.REUSED_AT, Date.from(at));
        db.activeObjects().create(LearningReuseEntity.class, row);
    }

    private ActionItem checked(long recordIssueId, String description, LocalDate checkIn, CheckInResult result) {
        ActionItem open = actions.add(new ActionItem.Draft(recordIssueId, description, "u-anna",
                checkIn.minusDays(14), ActionType.PREVENT, checkIn, BEFORE));
        return actions.update(new ActionItem(open.id(), open.recordIssueId(), open.description(), open.ownerKey(),
                open.dueDate(), open.type(), ActionStatus.DONE, checkIn, result, "checked", open.createdAt(),
                open.updatedAt(), open.version()));
    }
}
