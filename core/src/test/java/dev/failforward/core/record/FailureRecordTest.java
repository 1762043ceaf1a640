package dev.failforward.core.record;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class FailureRecordTest {

    private static final Instant CREATED = Instant.parse("2026-03-02T09:15:00Z");

    private static FailureRecord record(long id, String key, String project, String summary, String status, Instant updated) {
        return new FailureRecord(id, key, project, RecordKind.EXPERIMENT, summary, status,
                "If we add a checklist, then deploy failures drop below 2 per month", CREATED, updated);
    }

    @Test
    void acceptsAWellFormedExperiment() {
        FailureRecord r = record(10001, "OPS-42", "OPS", "Pre-deploy checklist", "Draft", CREATED);
        assertThat(r.issueKey()).isEqualTo("OPS-42");
        assertThat(r.kind()).isEqualTo(RecordKind.EXPERIMENT);
    }

    @Test
    void acceptsProjectKeysWithDigitsAndUnderscores() {
        assertThat(record(7, "QA_2-1", "QA_2", "s", "Open", CREATED).projectKey()).isEqualTo("QA_2");
    }

    @Test
    void rejectsAnIssueKeyOfAnotherProject() {
        assertThatIllegalArgumentException().isThrownBy(() -> record(1, "DEV-1", "OPS", "s", "Open", CREATED))
                .withMessageContaining("issueKey DEV-1");
    }

    @Test
    void rejectsMalformedKeys() {
        assertThatIllegalArgumentException().isThrownBy(() -> record(1, "ops-1", "ops", "s", "Open", CREATED))
                .withMessageContaining("projectKey");
        assertThatIllegalArgumentException().isThrownBy(() -> record(1, "OPS-0", "OPS", "s", "Open", CREATED))
                .withMessageContaining("issueKey");
        assertThatIllegalArgumentException().isThrownBy(() -> record(1, "OPS", "OPS", "s", "Open", CREATED))
                .withMessageContaining("issueKey");
    }

    @Test
    void rejectsMissingAndOverlongFields() {
        assertThatIllegalArgumentException().isThrownBy(() -> record(0, "OPS-1", "OPS", "s", "Open", CREATED))
                .withMessageContaining("issueId");
        assertThatIllegalArgumentException().isThrownBy(() -> record(1, "OPS-1", "OPS", " ", "Open", CREATED))
                .withMessageContaining("summary is required");
        assertThatIllegalArgumentException().isThrownBy(() -> record(1, "OPS-1", "OPS", "x".repeat(256), "Open", CREATED))
                .withMessageContaining("summary is longer than 255");
        assertThatIllegalArgumentException().isThrownBy(() -> record(1, "OPS-1", "OPS", "s", "x".repeat(61), CREATED))
                .withMessageContaining("status is longer than 60");
    }

    @Test
    void rejectsAnUpdateBeforeCreation() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> record(1, "OPS-1", "OPS", "s", "Open", CREATED.minusSeconds(1)))
                .withMessageContaining("before createdAt");
    }

    @Test
    void pageRequestBounds() {
        assertThat(PageRequest.first(50)).isEqualTo(new PageRequest(0, 50));
        assertThatIllegalArgumentException().isThrownBy(() -> new PageRequest(-1, 10));
        assertThatIllegalArgumentException().isThrownBy(() -> new PageRequest(0, 0));
        assertThatIllegalArgumentException().isThrownBy(() -> new PageRequest(0, 501));
    }
}
