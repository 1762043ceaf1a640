package dev.failforward.preview;

import dev.failforward.core.record.FailureRecord;
import dev.failforward.core.record.RecordKind;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo data tells self-consistent, varied stories: the dates fit the statuses, retros have learnings. */
class DemoStoriesTest extends PreviewHttpTest {

    @Test
    void theDemoRecordsTellConsistentStories() {
        List<FailureRecord> records = IssueViewTest.allRecords(host.services());
        assertThat(records).hasSizeGreaterThan(300);
        for (FailureRecord r : records) {
            if (r.kind() == RecordKind.EXPERIMENT) {
                if (Set.of("Running", "Evaluating", "Decided").contains(r.status())) {
                    assertThat(r.startedAt()).as(r.issueKey() + " is " + r.status() + ": it started").isNotNull();
                }
                if (r.status().equals("Decided")) {
                    assertThat(r.decidedAt()).as(r.issueKey() + " decided when").isNotNull().isAfter(r.startedAt());
                    assertThat(host.services().learnings.findByRecord(r.issueId()))
                            .as(r.issueKey() + "'s retro has learnings").isNotEmpty();
                }
            } else {
                assertThat(r.discoveredAt()).as(r.issueKey() + " was discovered").isNotNull();
                assertThat(r.reportedAt()).as(r.issueKey()).isNotNull().isAfterOrEqualTo(r.discoveredAt());
                if (r.status().equals("Closed")) {
                    assertThat(r.resolvedAt()).as(r.issueKey() + " is closed: it was resolved").isNotNull();
                }
            }
        }
        List<FailureRecord> named = records.stream().filter(r -> r.issueId() < DemoHistory.FIRST_ID).toList();
        Set<Duration> reportDelays = named.stream().filter(r -> r.kind() == RecordKind.INCIDENT)
                .map(r -> Duration.between(r.discoveredAt(), r.reportedAt())).collect(Collectors.toSet());
        assertThat(reportDelays).as("not every incident is the same story").hasSizeGreaterThanOrEqualTo(4)
                .anyMatch(d -> d.compareTo(Duration.ofHours(24)) > 0).anyMatch(d -> d.compareTo(Duration.ofHours(1)) < 0);
    }
}
