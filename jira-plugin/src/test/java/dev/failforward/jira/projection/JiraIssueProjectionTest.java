package dev.failforward.jira.projection;

import dev.failforward.core.experiment.Decision;
import dev.failforward.core.experiment.Outcome;
import dev.failforward.core.experiment.Phase;
import dev.failforward.core.incident.FailureCategory;
import dev.failforward.core.incident.FailureMode;
import dev.failforward.core.incident.FailureType;
import dev.failforward.core.record.FailureRecord;
import dev.failforward.core.record.RecordKind;
import dev.failforward.jira.projection.JiraIssueProjection.Result;
import dev.failforward.jira.projection.TestJira.TestIssue;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static dev.failforward.jira.fields.FailForwardField.*;
import static org.assertj.core.api.Assertions.assertThat;

/** One issue into one record: every field, the kinds, links, and what happens when the issue goes or changes type. */
class JiraIssueProjectionTest {

    private static final Instant STARTED = Instant.parse("2026-11-03T10:00:00Z");
    private static final Instant DECIDED = Instant.parse("2026-11-20T16:30:00Z");

    private final TestJira jira = new TestJira();

    private FailureRecord stored(long id) {
        return jira.records.findByIssueId(id).orElseThrow();
    }

    @Test
    void anExperimentBecomesARecordWithItsPlanOutcomeAndHypothesisParts() {
        jira.experiment(1001, "OPS-7").status("Decided").summary("Checklist before deploys")
                .set(HYPOTHESIS, "If we add a deploy checklist, then failed deploys drop below 2 per month,"
                        + " because most failures are missed steps")
                .set(SUCCESS_CRITERIA, "failed deploys < 2 per month")
                .set(STOP_CRITERIA, "lead time > 3 days")
                .set(PHASE, "EXPERIMENT").set(OUTCOME, "CONFIRMED").set(DECISION, "SCALE_UP")
                .set(STARTED_AT, STARTED).set(DECIDED_AT, DECIDED)
                .updated(DECIDED);

        assertThat(jira.projection.project(1001)).isEqualTo(Result.UPSERTED);

        FailureRecord r = stored(1001);
        assertThat(r.kind()).isEqualTo(RecordKind.EXPERIMENT);
        assertThat(r.issueKey()).isEqualTo("OPS-7");
        assertThat(r.projectKey()).isEqualTo("OPS");
        assertThat(r.summary()).isEqualTo("Checklist before deploys");
        assertThat(r.status()).isEqualTo("Decided");
        assertThat(r.phase()).isEqualTo(Phase.EXPERIMENT);
        assertThat(r.hypothesis()).startsWith("If we add a deploy checklist");
        assertThat(r.hypothesisCondition()).isEqualTo("we add a deploy checklist");
        assertThat(r.hypothesisOutcome()).contains("failed deploys drop below 2 per month");
        assertThat(r.hypothesisRationale()).contains("most failures are missed steps");
        assertThat(r.successCriteria()).isEqualTo("failed deploys < 2 per month");
        assertThat(r.stopCriteria()).isEqualTo("lead time > 3 days");
        assertThat(r.outcome()).isEqualTo(Outcome.CONFIRMED);
        assertThat(r.decision()).isEqualTo(Decision.SCALE_UP);
        assertThat(r.startedAt()).isEqualTo(STARTED);
        assertThat(r.decidedAt()).isEqualTo(DECIDED);
        assertThat(r.createdAt()).isEqualTo(TestJira.T0);
        assertThat(r.updatedAt()).isEqualTo(DECIDED);
        assertThat(r.failureType()).isNull();
        assertThat(r.discoveredAt()).isNull();
        assertThat(r.version()).isZero();
    }

    @Test
    void anIncidentBecomesARecordWithItsClassificationAndTimes() {
        Instant discovered = Instant.parse("2026-11-04T08:00:00Z");
        Instant reported = Instant.parse("2026-11-04T09:15:00Z");
        Instant resolved = Instant.parse("2026-11-05T12:00:00Z");
        jira.incident(2002, "INC-12").status("Analysing")
                .set(DISCOVERED_AT, discovered).set(REPORTED_AT, reported).set(RESOLVED_AT, resolved)
                .set(FAILURE_TYPE, "COMPLEX").set(FAILURE_CATEGORY, "DATA_GAP").set(FAILURE_MODE, "PROCESS")
                .set(HYPOTHESIS, "ignored: not an incident field");

        jira.projection.project(2002);

        FailureRecord r = stored(2002);
        assertThat(r.kind()).isEqualTo(RecordKind.INCIDENT);
        assertThat(r.status()).isEqualTo("Analysing");
        assertThat(r.failureType()).isEqualTo(FailureType.COMPLEX);
        assertThat(r.failureCategory()).isEqualTo(FailureCategory.DATA_GAP);
        assertThat(r.failureMode()).isEqualTo(FailureMode.PROCESS);
        assertThat(r.discoveredAt()).isEqualTo(discovered);
        assertThat(r.reportedAt()).isEqualTo(reported);
        assertThat(r.resolvedAt()).isEqualTo(resolved);
        assertThat(r.hypothesis()).isNull();
        assertThat(r.phase()).isNull();
    }

    @Test
    void anIssueThatGainsOrLosesItsRecordIsReindexedForItsCountFields() {
        jira.incident(2010, "INC-20");

        jira.projection.project(2010);
        assertThat(jira.reindexed).as("a new record: the counts are 0, no longer empty").containsExactly(2010L);

        jira.projection.project(2010);
        assertThat(jira.reindexed).as("an update changes no count").hasSize(1);

        jira.issues.remove(2010L);
        jira.projection.project(2010);
        assertThat(jira.reindexed).as("the record is gone").containsExactly(2010L, 2010L);
    }

    @Test
    void anIncidentsFiveWhysBecomeWhyStepsWrittenOnlyWhenTheyChange() {
        jira.incident(2003, "INC-13").set(FIVE_WHYS, "1. Why did the backup not run? The job was disabled.\n"
                + "2. Why was it disabled? A migration paused it.\n3. Why was it not resumed? Nobody owned the job.");

        jira.projection.project(2003);
        jira.projection.project(2003);

        assertThat(jira.whySteps.findByRecord(2003)).extracting(w -> w.position() + " " + w.question() + " | " + w.answer())
                .containsExactly("1 Why did the backup not run? | The job was disabled.",
                        "2 Why was it disabled? | A migration paused it.",
                        "3 Why was it not resumed? | Nobody owned the job.");
        assertThat(jira.whySteps.writes).as("the same event twice writes once").isEqualTo(1);

        jira.incident(2003, "INC-13").set(FIVE_WHYS, null);
        jira.projection.project(2003);
        assertThat(jira.whySteps.findByRecord(2003)).isEmpty();
    }

    @Test
    void experimentsHaveNoWhySteps() {
        jira.experiment(1004, "OPS-4").set(FIVE_WHYS, "Why? Because.");
        jira.projection.project(1004);
        assertThat(jira.whySteps.findByRecord(1004)).isEmpty();
        assertThat(jira.whySteps.writes).isZero();
    }

    @Test
    void theTeamIsTheFirstComponentByNameElseATeamLabel() {
        jira.experiment(1, "OPS-1").components("Payments", "Checkout").labels("team-sre", "q4");
        jira.experiment(2, "OPS-2").labels("q4", "team-sre", "team-web");
        jira.experiment(3, "OPS-3").labels("q4");

        jira.projection.project(1);
        jira.projection.project(2);
        jira.projection.project(3);

        assertThat(stored(1).component()).isEqualTo("Checkout");
        assertThat(stored(1).team()).isEqualTo("Checkout");
        assertThat(stored(1).labels()).containsExactly("q4", "team-sre");
        assertThat(stored(2).component()).isNull();
        assertThat(stored(2).team()).isEqualTo("sre");
        assertThat(stored(3).team()).isNull();
    }

    @Test
    void pivotsAndRecurrencesComeFromInwardLinksOfOurTypesOnly() {
        TestIssue first = jira.experiment(10, "OPS-10");
        TestIssue second = jira.experiment(11, "OPS-11");
        TestIssue earlier = jira.incident(20, "INC-20");
        TestIssue earliest = jira.incident(19, "INC-19");
        TestIssue now = jira.incident(21, "INC-21");
        TestIssue blocker = jira.task(30, "OPS-30");
        jira.link(first, TestJira.PIVOT_LINK, second);          // OPS-10 pivoted into OPS-11
        jira.link(earlier, TestJira.RECURRENCE_LINK, now);      // INC-20 recurs as INC-21
        jira.link(earliest, TestJira.RECURRENCE_LINK, now);
        jira.link(blocker, TestJira.BLOCKS_LINK, second);       // not ours: ignored
        jira.link(second, TestJira.RECURRENCE_LINK, blocker);   // outward from OPS-11: not its recurrence

        jira.projection.project(10);
        jira.projection.project(11);
        jira.projection.project(21);

        assertThat(stored(11).pivotedFrom()).isEqualTo("OPS-10");
        assertThat(stored(11).recurrenceOf()).isEmpty();
        assertThat(stored(10).pivotedFrom()).isNull();
        assertThat(stored(21).recurrenceOf()).containsExactly("INC-19", "INC-20");
    }

    @Test
    void projectingTheSameIssueTwiceChangesNothing() {
        jira.experiment(1, "OPS-1").set(PHASE, "EXPLORE").labels("q4");
        FailureRecord once = jira.projection.project(1) == Result.UPSERTED ? stored(1) : null;

        jira.projection.project(1);

        assertThat(stored(1)).isEqualTo(once);
        assertThat(stored(1).version()).isZero();
    }

    @Test
    void aChangeInJiraChangesTheRecordAndItsVersion() {
        TestIssue issue = jira.experiment(1, "OPS-1").set(PHASE, "EXPLORE");
        jira.projection.project(1);

        issue.status("Running").set(PHASE, "EXECUTE").updated(TestJira.T0.plusSeconds(60));
        jira.projection.project(1);

        assertThat(stored(1).status()).isEqualTo("Running");
        assertThat(stored(1).phase()).isEqualTo(Phase.EXECUTE);
        assertThat(stored(1).version()).isEqualTo(1);
    }

    @Test
    void aMoveToAnotherProjectKeepsTheRecordUnderItsNewKey() {
        TestIssue issue = jira.experiment(1, "OPS-1");
        jira.projection.project(1);

        issue.key("LAB-4");
        jira.projection.project(1);

        assertThat(stored(1).issueKey()).isEqualTo("LAB-4");
        assertThat(stored(1).projectKey()).isEqualTo("LAB");
        assertThat(jira.records.all()).hasSize(1);
    }

    @Test
    void aDeletedIssueLosesItsRecord() {
        jira.incident(5, "INC-5");
        jira.projection.project(5);

        jira.issues.remove(5L);

        assertThat(jira.projection.project(5)).isEqualTo(Result.DELETED);
        assertThat(jira.records.findByIssueId(5)).isEmpty();
        assertThat(jira.projection.project(5)).isEqualTo(Result.IGNORED);
    }

    @Test
    void anIssueMovedToAnotherTypeLosesItsRecord() {
        TestIssue issue = jira.experiment(6, "OPS-6");
        jira.projection.project(6);

        issue.type(TestJira.TASK_TYPE);

        assertThat(jira.projection.project(6)).isEqualTo(Result.DELETED);
        assertThat(jira.records.all()).isEmpty();
    }

    @Test
    void anIssueOfAnotherTypeChangesNothing() {
        jira.task(7, "OPS-7");

        assertThat(jira.projection.project(7)).isEqualTo(Result.IGNORED);
        assertThat(jira.records.all()).isEmpty();
        assertThat(jira.records.deletes).hasValue(0);
    }

    @Test
    void beforeSetupNothingIsOurs() {
        TestJira bare = new TestJira(false);
        bare.experiment(1, "OPS-1");

        assertThat(bare.projection.project(1)).isEqualTo(Result.IGNORED);
        assertThat(bare.records.all()).isEmpty();
    }

    @Test
    void textLongerThanTheRecordAllowsIsCutNotRefused() {
        String longText = "If we try, then it works " + "x".repeat(5000);
        jira.experiment(1, "OPS-1").status("S".repeat(80)).set(HYPOTHESIS, longText)
                .set(SUCCESS_CRITERIA, "y".repeat(5000));

        jira.projection.project(1);

        assertThat(stored(1).hypothesis()).hasSize(FailureRecord.HYPOTHESIS_MAX_LENGTH);
        assertThat(stored(1).successCriteria()).hasSize(FailureRecord.CRITERIA_MAX_LENGTH);
        assertThat(stored(1).status()).hasSize(FailureRecord.STATUS_MAX_LENGTH);
    }
}
