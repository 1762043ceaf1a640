package dev.failforward.core.record;

import dev.failforward.core.experiment.Decision;
import dev.failforward.core.experiment.Outcome;
import dev.failforward.core.experiment.Phase;
import dev.failforward.core.incident.FailureCategory;
import dev.failforward.core.incident.FailureMode;
import dev.failforward.core.incident.FailureType;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FailureRecordTest {

    private static final Instant CREATED = Instant.parse("2026-03-02T09:15:00Z");

    static FailureRecord.Builder experiment() {
        return FailureRecord.builder().issueId(10001).issueKey("OPS-42").kind(RecordKind.EXPERIMENT)
                .summary("Pre-deploy checklist").status("Running").phase(Phase.EXPERIMENT)
                .hypothesis("If we add a checklist, then deploy failures drop below 2 per month because steps get skipped")
                .hypothesisParts("we add a checklist", "deploy failures drop below 2 per month", "steps get skipped")
                .successCriteria("deploy failures < 2 per month").stopCriteria("spend over 5k")
                .outcome(Outcome.CONFIRMED).decision(Decision.SCALE_UP)
                .startedAt(CREATED.plusSeconds(3600)).decidedAt(CREATED.plusSeconds(7200))
                .team("Platform").component("payments").labels(Set.of("deploys", "checklist"))
                .pivotedFrom("OPS-7").createdAndUpdatedAt(CREATED);
    }

    static FailureRecord.Builder incident() {
        return FailureRecord.builder().issueId(10002).issueKey("OPS-43").kind(RecordKind.INCIDENT)
                .summary("Checkout outage").status("Analysing").failureType(FailureType.COMPLEX)
                .failureCategory(FailureCategory.PROCESS_DEVIATION).failureMode(FailureMode.PROCESS)
                .discoveredAt(CREATED.minusSeconds(600)).reportedAt(CREATED).resolvedAt(CREATED.plusSeconds(3600))
                .recurrenceOf(Set.of("OPS-1", "LAB-3")).createdAndUpdatedAt(CREATED);
    }

    private static void rejects(UnaryOperator<FailureRecord.Builder> change, String message) {
        assertThatIllegalArgumentException().isThrownBy(() -> change.apply(experiment()).build())
                .withMessageContaining(message);
    }

    @Test
    void theBuilderSetsEveryComponent() {
        FailureRecord r = experiment().build();

        assertThat(r.issueId()).isEqualTo(10001);
        assertThat(r.issueKey()).isEqualTo("OPS-42");
        assertThat(r.projectKey()).as("taken from the key").isEqualTo("OPS");
        assertThat(r.issueNumber()).isEqualTo(42);
        assertThat(r.kind()).isEqualTo(RecordKind.EXPERIMENT);
        assertThat(r.phase()).isEqualTo(Phase.EXPERIMENT);
        assertThat(r.hypothesisCondition()).isEqualTo("we add a checklist");
        assertThat(r.hypothesisOutcome()).isEqualTo("deploy failures drop below 2 per month");
        assertThat(r.hypothesisRationale()).isEqualTo("steps get skipped");
        assertThat(r.successCriteria()).isEqualTo("deploy failures < 2 per month");
        assertThat(r.stopCriteria()).isEqualTo("spend over 5k");
        assertThat(r.outcome()).isEqualTo(Outcome.CONFIRMED);
        assertThat(r.decision()).isEqualTo(Decision.SCALE_UP);
        assertThat(r.startedAt()).isEqualTo(CREATED.plusSeconds(3600));
        assertThat(r.decidedAt()).isEqualTo(CREATED.plusSeconds(7200));
        assertThat(r.team()).isEqualTo("Platform");
        assertThat(r.component()).isEqualTo("payments");
        assertThat(r.labels()).containsExactly("checklist", "deploys");
        assertThat(r.pivotedFrom()).isEqualTo("OPS-7");
        assertThat(r.recurrenceOf()).isEmpty();
        assertThat(r.version()).isZero();

        FailureRecord i = incident().build();
        assertThat(i.failureType()).isEqualTo(FailureType.COMPLEX);
        assertThat(i.failureCategory()).isEqualTo(FailureCategory.PROCESS_DEVIATION);
        assertThat(i.failureMode()).isEqualTo(FailureMode.PROCESS);
        assertThat(i.discoveredAt()).isEqualTo(CREATED.minusSeconds(600));
        assertThat(i.reportedAt()).isEqualTo(CREATED);
        assertThat(i.resolvedAt()).isEqualTo(CREATED.plusSeconds(3600));
        assertThat(i.recurrenceOf()).containsExactly("LAB-3", "OPS-1");
        assertThat(i.hypothesis()).isNull();
        assertThat(i.labels()).isEmpty();
    }

    @Test
    void toBuilderCopiesEverything() {
        FailureRecord r = experiment().version(7).build();
        assertThat(r.toBuilder().build()).isEqualTo(r);
        assertThat(incident().build().toBuilder().build()).isEqualTo(incident().build());
        assertThat(r.toBuilder().status("Decided").build()).isNotEqualTo(r)
                .extracting(FailureRecord::status).isEqualTo("Decided");
    }

    @Test
    void setsAreCopiedAndImmutable() {
        Set<String> labels = new HashSet<>(Set.of("a"));
        FailureRecord r = experiment().labels(labels).build();
        labels.add("b");
        assertThat(r.labels()).containsExactly("a");
        assertThatThrownBy(() -> r.labels().add("c")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> r.recurrenceOf().add("OPS-1")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(experiment().labels(null).recurrenceOf(null).build().labels()).isEmpty();
    }

    @Test
    void blankOptionalTextIsNone() {
        FailureRecord r = experiment().hypothesis(" ").hypothesisParts("", " ", null).successCriteria("")
                .stopCriteria("\n").team(" ").component("").build();
        assertThat(r.hypothesis()).isNull();
        assertThat(r.hypothesisCondition()).isNull();
        assertThat(r.hypothesisOutcome()).isNull();
        assertThat(r.successCriteria()).isNull();
        assertThat(r.stopCriteria()).isNull();
        assertThat(r.team()).isNull();
        assertThat(r.component()).isNull();
    }

    @Test
    void acceptsProjectKeysWithDigitsAndUnderscores() {
        assertThat(experiment().issueKey("QA_2-1").build().projectKey()).isEqualTo("QA_2");
    }

    @Test
    void rejectsAnIssueKeyOfAnotherProject() {
        rejects(b -> b.issueKey("DEV-1").projectKey("OPS"), "issueKey DEV-1");
    }

    @Test
    void rejectsMalformedKeys() {
        rejects(b -> b.issueKey("ops-1"), "projectKey");
        rejects(b -> b.issueKey("OPS-0"), "issueKey");
        rejects(b -> b.issueKey("OPS").projectKey("OPS"), "issueKey");
        rejects(b -> b.issueKey(null).projectKey("OPS"), "issueKey is required");
    }

    @Test
    void rejectsMissingRequiredFields() {
        rejects(b -> b.issueId(0), "issueId");
        rejects(b -> b.summary(" "), "summary is required");
        rejects(b -> b.status(null), "status is required");
        assertThatNullPointerException().isThrownBy(() -> experiment().kind(null).build()).withMessageContaining("kind");
        assertThatNullPointerException().isThrownBy(() -> experiment().createdAt(null).build()).withMessageContaining("createdAt");
        assertThatNullPointerException().isThrownBy(() -> experiment().updatedAt(null).build()).withMessageContaining("updatedAt");
    }

    @Test
    void rejectsOverlongText() {
        rejects(b -> b.summary("x".repeat(256)), "summary is longer than 255");
        rejects(b -> b.status("x".repeat(61)), "status is longer than 60");
        rejects(b -> b.hypothesis("x".repeat(2001)), "hypothesis is longer than 2000");
        rejects(b -> b.hypothesisParts("x".repeat(2001), null, null), "hypothesisCondition is longer");
        rejects(b -> b.hypothesisParts(null, "x".repeat(2001), null), "hypothesisOutcome is longer");
        rejects(b -> b.hypothesisParts(null, null, "x".repeat(2001)), "hypothesisRationale is longer");
        rejects(b -> b.successCriteria("x".repeat(4001)), "successCriteria is longer than 4000");
        rejects(b -> b.stopCriteria("x".repeat(4001)), "stopCriteria is longer than 4000");
        rejects(b -> b.team("x".repeat(256)), "team is longer than 255");
        rejects(b -> b.component("x".repeat(256)), "component is longer than 255");
        assertThat(experiment().summary("x".repeat(255)).hypothesis("x".repeat(2000))
                .successCriteria("x".repeat(4000)).build().summary()).hasSize(255);
    }

    @Test
    void checksLabels() {
        rejects(b -> b.labels(Set.of("two words")), "labels must be non-empty words");
        rejects(b -> b.labels(Set.of("")), "labels must be non-empty words");
        rejects(b -> b.labels(Set.of("x".repeat(256))), "labels entry is longer than 255");
        Set<String> many = new HashSet<>();
        for (int i = 0; i <= FailureRecord.MAX_LABELS; i++) {
            many.add("l" + i);
        }
        rejects(b -> b.labels(many), "labels has more than 100");
    }

    @Test
    void checksLineage() {
        rejects(b -> b.pivotedFrom("not a key"), "pivotedFrom is not an issue key");
        rejects(b -> b.pivotedFrom("OPS-42"), "pivotedFrom must name another issue");
        rejects(b -> b.recurrenceOf(Set.of("OPS-1", "nope")), "recurrenceOf entry is not an issue key");
        rejects(b -> b.recurrenceOf(Set.of("OPS-42")), "recurrenceOf must not name the record itself");
        assertThat(experiment().pivotedFrom("LAB-1").build().pivotedFrom()).as("another project is fine").isEqualTo("LAB-1");
    }

    @Test
    void rejectsAnUpdateBeforeCreationAndANegativeVersion() {
        rejects(b -> b.updatedAt(CREATED.minusSeconds(1)), "before createdAt");
        rejects(b -> b.version(-1), "version must not be negative");
    }

    @Test
    void incidentTimesOutOfOrderAreKeptAsJiraHasThem() {
        FailureRecord r = incident().reportedAt(CREATED.minusSeconds(7200)).build();
        assertThat(r.reportedAt()).isBefore(r.discoveredAt());
    }

    @Test
    void issueKeyHelpers() {
        assertThat(FailureRecord.issueNumber("CARE-10")).isEqualTo(10);
        assertThat(FailureRecord.isIssueKey("CARE-10")).isTrue();
        assertThat(FailureRecord.isIssueKey("CARE")).isFalse();
        assertThat(FailureRecord.isProjectKey("CARE")).isTrue();
        assertThat(FailureRecord.isProjectKey("care")).isFalse();
        assertThatIllegalArgumentException().isThrownBy(() -> FailureRecord.issueNumber("x"));
    }

    @Test
    void pageRequestBounds() {
        assertThat(PageRequest.first(50)).isEqualTo(new PageRequest(0, 50));
        assertThatIllegalArgumentException().isThrownBy(() -> new PageRequest(-1, 10));
        assertThatIllegalArgumentException().isThrownBy(() -> new PageRequest(0, 0));
        assertThatIllegalArgumentException().isThrownBy(() -> new PageRequest(0, 501));
    }
}
