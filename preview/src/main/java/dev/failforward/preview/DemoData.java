package dev.failforward.preview;

import dev.failforward.core.experiment.Decision;
import dev.failforward.core.experiment.Outcome;
import dev.failforward.core.experiment.Phase;
import dev.failforward.core.hypothesis.HypothesisLinter;
import dev.failforward.core.hypothesis.HypothesisParts;
import dev.failforward.core.incident.FailureCategory;
import dev.failforward.core.incident.FailureMode;
import dev.failforward.core.incident.FailureType;
import dev.failforward.core.record.ActionItem;
import dev.failforward.core.record.ActionStatus;
import dev.failforward.core.record.ActionType;
import dev.failforward.core.record.FailureRecord;
import dev.failforward.core.record.FailureRecordRepository;
import dev.failforward.core.record.Learning;
import dev.failforward.core.record.LearningKind;
import dev.failforward.core.record.RecordKind;
import com.atlassian.sal.api.UrlMode;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Demo content for a new preview database: experiments and incidents of three teams (operations, growth, and a
 * hospital's care-quality team — the practice is not IT-only). Loaded once, on the first start; a restart keeps
 * whatever the database holds.
 *
 * <p>These are failure records only, written straight into the repository, not preview issues sent through
 * {@code JiraIssueProjection}: they stand for issues of a Jira the preview does not run (no {@code PREVIEW_ISSUE} rows,
 * so the preview's {@code IssueManager} does not know their ids, and projecting one would <em>remove</em> it, as the
 * projection does for a deleted issue), and they carry what the preview's issues cannot hold: components, labels,
 * "pivoted from" / "recurrence of" links, and statuses reached without walking the workflow.
 */
final class DemoData {

    private record Row(long issueId, String key, RecordKind kind, String summary, String status, String hypothesis,
                       int daysAgo) {
    }

    private static final List<Row> ROWS = List.of(
            new Row(10101, "OPS-101", RecordKind.EXPERIMENT, "Pre-deploy checklist for the payments service", "Running",
                    "If we add a pre-deploy checklist, then deploy failures drop below 2 per month because most failed deploys skipped a manual step", 41),
            new Row(10102, "OPS-102", RecordKind.INCIDENT, "Checkout outage after config rollout", "Learning review", null, 33),
            new Row(10103, "OPS-103", RecordKind.EXPERIMENT, "Canary releases for the search API", "Decided",
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

    /** Per-key details beyond the basic row: the classification and times the KPIs read. */
    private static final Map<String, java.util.function.UnaryOperator<FailureRecord.Builder>> DETAILS = Map.of(
            "OPS-101", b -> b.phase(Phase.EXPERIMENT).team("Platform").component("payments").labels(Set.of("deploys"))
                    .successCriteria("deploy failures < 2 per month").stopCriteria("spend over 5k"),
            "OPS-102", b -> b.failureType(FailureType.COMPLEX).failureCategory(FailureCategory.PROCESS_DEVIATION)
                    .failureMode(FailureMode.PROCESS).team("Platform").component("checkout").labels(Set.of("config", "outage")),
            // refuted: the canary caught too little in 30 minutes, so the team pivoted to pairing on reviews (OPS-105)
            "OPS-103", b -> b.phase(Phase.EXPLORE).team("Search").component("search-api").labels(Set.of("deploys"))
                    .successCriteria("rollbacks affect < 1% of requests\ncanary verdict within 30 minutes")
                    .stopCriteria("canary error rate > 2%").outcome(Outcome.REFUTED).decision(Decision.PIVOT),
            "OPS-104", b -> b.failureType(FailureType.BASIC).failureCategory(FailureCategory.DATA_GAP).team("Platform")
                    .labels(Set.of("backups")),
            "OPS-105", b -> b.phase(Phase.EXPLORE).team("Platform").pivotedFrom("OPS-103"),
            "GROWTH-21", b -> b.phase(Phase.EXECUTE).outcome(Outcome.CONFIRMED).decision(Decision.SCALE_UP).team("Growth"),
            "GROWTH-22", b -> b.phase(Phase.EXPERIMENT).team("Growth").labels(Set.of("pricing")),
            "GROWTH-23", b -> b.failureType(FailureType.INTELLIGENT).failureCategory(FailureCategory.DESIGN_FLAW)
                    .failureMode(FailureMode.OUTCOME).team("Growth").labels(Set.of("pricing")),
            "CARE-8", b -> b.failureType(FailureType.COMPLEX).failureCategory(FailureCategory.EXTERNAL_SHOCK)
                    .failureMode(FailureMode.OUTCOME).team("Ward 4").component("lab"),
            "CARE-9", b -> b.failureType(FailureType.BASIC).failureCategory(FailureCategory.PROCESS_DEVIATION)
                    .team("Admissions").recurrenceOf(Set.of("CARE-8")));

    /**
     * Loads the demo rows and two years of history ({@link DemoHistory}) unless the database already has them, and
     * indexes them for the KPIs; returns how many records were written.
     */
    static int loadIfEmpty(PreviewServices services, Clock clock) {
        int rows = loadIfEmpty(services.records, clock);
        if (rows == 0) {
            return 0;
        }
        String confluence = services.confluenceApplication.getBaseUrl(UrlMode.CANONICAL);
        Instant now = clock.instant();
        RETRO_LEARNINGS.forEach((key, texts) -> {
            FailureRecord record = services.records.findByIssueKey(key).orElseThrow();
            for (int i = 0; i < texts.size(); i++) {
                services.learnings.add(new Learning.Draft(record.issueId(), texts.get(i),
                        i == 0 ? LearningKind.INSIGHT : i == 1 ? LearningKind.SURPRISE : LearningKind.WENT_WELL, "demo",
                        min(record.reportedAt() != null ? record.reportedAt()
                                : record.decidedAt() != null ? record.decidedAt() : record.createdAt(), now)
                                .plus(Duration.ofHours(2 + i)), RetroPages.page(confluence, record)));
            }
        });
        int history = DemoHistory.load(services.records, services.learnings, services.actions, services.kpiIndex,
                services.database.activeObjects(), now, record -> RetroPages.page(confluence, record));
        DemoAwards.load(services, now); // the most valuable failure: last period's winner, this period's nominations
        // resurfacing and the failure huddle (issue 16): an open 24-hour rule, overdue follow-ups, reuses, a huddle
        // held last week, learnings of a year and a quarter ago
        DemoResurfacing.load(services, now);
        // the failure showcase's reused learnings of the last complete quarter (its award is DemoAwards' past one)
        int showcase = DemoShowcase.load(services, now);
        followUps(services, now); // the preview user's own follow-ups: "My follow-ups" and the reminders
        services.kpiIndex.drain(); // then into the KPIs like the rest
        return rows + history + 1 + showcase;
    }

    /**
     * The preview user's follow-ups ("My follow-ups" on the dashboard, the reminders in the outbox): one overdue long
     * enough for the OPS lead to hear of it, one overdue, two due soon, one later, one done whose check-in is due.
     */
    private static final List<FollowUp> FOLLOW_UPS = List.of(
            new FollowUp("OPS-102", "Add a config diff review to the rollout pipeline", -9, null),
            new FollowUp("OPS-104", "Alert when the nightly backup job does not report", -2, null),
            new FollowUp("CARE-8", "Page the on-call lab technician when results wait over 30 minutes", 1, null),
            new FollowUp("OPS-102", "Write the rollback runbook for config changes", 3, null),
            new FollowUp("GROWTH-23", "Add a currency smoke test to the pricing page deploy", 12, null),
            new FollowUp("GROWTH-23", "Show prices in the visitor's currency from the geo header", -20, -1));

    /** A demo follow-up: due so many days from today; done with its check-in due so many days ago when given. */
    private record FollowUp(String issueKey, String description, int dueInDays, Integer checkInInDays) {
    }

    private static void followUps(PreviewServices services, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        for (FollowUp followUp : FOLLOW_UPS) {
            FailureRecord record = services.records.findByIssueKey(followUp.issueKey()).orElseThrow();
            LocalDate checkIn = followUp.checkInInDays() == null ? null : today.plusDays(followUp.checkInInDays());
            ActionItem item = services.actions.add(new ActionItem.Draft(record.issueId(), followUp.description(),
                    dev.failforward.preview.jira.PreviewRecordPermissions.DEMO_USER, today.plusDays(followUp.dueInDays()),
                    ActionType.PREVENT, checkIn, now.minus(Duration.ofDays(30))));
            if (checkIn != null) {
                services.actions.update(new ActionItem(item.id(), item.recordIssueId(), item.description(),
                        item.ownerKey(), item.dueDate(), item.type(), ActionStatus.DONE, item.checkInDate(), null, null,
                        item.createdAt(), now.minus(Duration.ofDays(15)), item.version()));
            }
        }
    }

    /** Learnings the teams wrote down in their retros (Confluence pages) for some of the named records. */
    private static final Map<String, List<String>> RETRO_LEARNINGS = Map.of(
            "OPS-102", List.of("Configuration changes need the same canary stage as code",
                    "A 3 s payment timeout looked harmless in the diff",
                    "Rolling back took 21 minutes because the runbook was current"),
            "GROWTH-23", List.of("Currency comes from the browser locale, not the billing country",
                    "Support heard about it two days before monitoring did"),
            "CARE-8", List.of("The night courier route changed without telling the ward",
                    "Nurses escalated within the hour, as the new protocol asks"),
            "OPS-103", List.of("Most bad search builds failed only under the nightly reindex, which no 30-minute canary sees",
                    "The canary's error rate was too noisy at 5% of traffic to give a verdict in 30 minutes",
                    "Reviewing incidents in pairs surfaced the reindex pattern faster than the canary did"),
            "GROWTH-21", List.of("Trials that booked a call in week one converted at 31 %, the others at 14 %",
                    "Partner-referred trials declined the call: they had onboarding from the partner",
                    "Sales joining the call made it feel like a pitch; product people kept it useful"));

    /**
     * An incident's discovery before its report and its resolution after it (null: not resolved); for an experiment,
     * its start and its decision after it was created.
     */
    private record Timeline(Duration foundBeforeReport, Duration resolvedAfterReport) {
    }

    private static final Map<String, Timeline> INCIDENT_TIMES = Map.of(
            "OPS-102", new Timeline(Duration.ofMinutes(12), Duration.ofMinutes(95)),  // paged at once, rolled back
            "OPS-104", new Timeline(Duration.ofHours(26), null),                      // found at night, reported a day late
            "GROWTH-23", new Timeline(Duration.ofHours(5), Duration.ofDays(2)),       // support heard first
            "CARE-8", new Timeline(Duration.ofMinutes(50), Duration.ofHours(7)),      // nurses escalated within the hour
            "CARE-9", new Timeline(Duration.ofHours(2), null));                       // caught at the bedside scan

    private static final Map<String, Timeline> EXPERIMENT_TIMES = Map.of(
            "OPS-101", new Timeline(Duration.ofDays(6), null),
            "OPS-103", new Timeline(Duration.ofDays(2), Duration.ofDays(20)),
            "GROWTH-21", new Timeline(Duration.ofDays(5), Duration.ofDays(70)),
            "GROWTH-22", new Timeline(Duration.ofDays(1), null),
            "CARE-7", new Timeline(Duration.ofDays(3), null));

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    /** Loads the demo rows unless the database already has them; returns how many rows were written. */
    static int loadIfEmpty(FailureRecordRepository records, Clock clock) {
        if (records.findByIssueId(ROWS.get(0).issueId()).isPresent()) {
            return 0;
        }
        Instant now = clock.instant();
        HypothesisLinter linter = new HypothesisLinter();
        for (Row row : ROWS) {
            Instant created = now.minus(Duration.ofDays(row.daysAgo()));
            FailureRecord.Builder builder = FailureRecord.builder().issueId(row.issueId()).issueKey(row.key())
                    .kind(row.kind()).summary(row.summary()).status(row.status()).hypothesis(row.hypothesis())
                    .createdAt(created).updatedAt(created.plus(Duration.ofHours(row.daysAgo() > 0 ? 2 : 0)));
            if (row.hypothesis() != null) {
                HypothesisParts parts = linter.check(row.hypothesis()).parts();
                builder.hypothesisParts(parts.condition(), parts.expectedOutcome(), parts.rationale());
            }
            if (row.kind() == RecordKind.INCIDENT) {
                // each incident its own story: found at once or days late, reported within the hour or the next day
                Timeline t = INCIDENT_TIMES.get(row.key());
                builder.discoveredAt(created.minus(t.foundBeforeReport())).reportedAt(created);
                if (t.resolvedAfterReport() != null) {
                    builder.resolvedAt(min(created.plus(t.resolvedAfterReport()), now));
                }
            } else if (EXPERIMENT_TIMES.containsKey(row.key())) {
                // a running, evaluating or decided experiment has started; a decided one has its decision's time
                Timeline t = EXPERIMENT_TIMES.get(row.key());
                builder.startedAt(created.plus(t.foundBeforeReport()));
                if (t.resolvedAfterReport() != null) {
                    builder.decidedAt(min(created.plus(t.resolvedAfterReport()), now));
                }
            }
            records.upsert(DETAILS.getOrDefault(row.key(), b -> b).apply(builder).build());
        }
        return ROWS.size();
    }

    static List<String> projects() {
        return ROWS.stream().map(r -> r.key().substring(0, r.key().indexOf('-'))).distinct().toList();
    }
}
