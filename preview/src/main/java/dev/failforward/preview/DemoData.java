package dev.failforward.preview;

import dev.failforward.core.record.FailureRecord;
import dev.failforward.core.record.FailureRecordRepository;
import dev.failforward.core.record.RecordKind;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Demo content for a new preview database: experiments and incidents of three teams (operations, growth, and a
 * hospital's care-quality team — the practice is not IT-only). Loaded once, on the first start; a restart keeps
 * whatever the database holds.
 */
final class DemoData {

    private record Row(long issueId, String key, RecordKind kind, String summary, String status, String hypothesis,
                       int daysAgo) {
    }

    private static final List<Row> ROWS = List.of(
            new Row(10101, "OPS-101", RecordKind.EXPERIMENT, "Pre-deploy checklist for the payments service", "Running",
                    "If we add a pre-deploy checklist, then deploy failures drop below 2 per month because most failed deploys skipped a manual step", 41),
            new Row(10102, "OPS-102", RecordKind.INCIDENT, "Checkout outage after config rollout", "Learning review", null, 33),
            new Row(10103, "OPS-103", RecordKind.EXPERIMENT, "Canary releases for the search API", "Evaluating",
                    "If we route 5% of traffic to a canary for 30 minutes, then rollbacks affect fewer than 1% of requests", 27),
            new Row(10104, "OPS-104", RecordKind.INCIDENT, "Nightly backup silently skipped", "Analysing", null, 12),
            new Row(10105, "OPS-105", RecordKind.EXPERIMENT, "Pairing on incident reviews", "Draft",
                    "If we pair on incident reviews, then things will get better", 3),
            new Row(10201, "GROWTH-21", RecordKind.EXPERIMENT, "Onboarding call for trial accounts", "Decided",
                    "We believe that an onboarding call in the first week will result in 15% fewer churned trials in Q3 because trial users who talk to us convert twice as often", 88),
            new Row(10202, "GROWTH-22", RecordKind.EXPERIMENT, "Annual plan discount banner", "Running",
                    "If we show the annual discount on the pricing page, then annual plan share rises above 30% within 60 days", 19),
            new Row(10203, "GROWTH-23", RecordKind.INCIDENT, "Pricing page showed the wrong currency", "Closed", null, 54),
            new Row(10301, "CARE-7", RecordKind.EXPERIMENT, "Bedside handover checklist", "Running",
                    "When nurses use a bedside handover checklist, missed medication doses drop below 1 per 100 patient days because handovers are where doses get lost", 36),
            new Row(10302, "CARE-8", RecordKind.INCIDENT, "Delayed lab results on the night shift", "Learning review", null, 9),
            new Row(10303, "CARE-9", RecordKind.INCIDENT, "Wrong wristband printed at admission", "Reported", null, 1),
            new Row(10304, "CARE-10", RecordKind.EXPERIMENT, "Discharge phone call", "Draft",
                    "Let's try calling patients after discharge", 2));

    private DemoData() {
    }

    /** Loads the demo rows unless the database already has them; returns how many rows were written. */
    static int loadIfEmpty(FailureRecordRepository records, Clock clock) {
        if (records.findByIssueId(ROWS.get(0).issueId()).isPresent()) {
            return 0;
        }
        Instant now = clock.instant();
        for (Row row : ROWS) {
            Instant created = now.minus(Duration.ofDays(row.daysAgo()));
            String project = row.key().substring(0, row.key().indexOf('-'));
            records.upsert(new FailureRecord(row.issueId(), row.key(), project, row.kind(), row.summary(), row.status(),
                    row.hypothesis(), created, created.plus(Duration.ofHours(row.daysAgo() > 0 ? 2 : 0))));
        }
        return ROWS.size();
    }

    static List<String> projects() {
        return ROWS.stream().map(r -> r.key().substring(0, r.key().indexOf('-'))).distinct().toList();
    }
}
