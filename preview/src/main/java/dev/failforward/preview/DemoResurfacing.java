package dev.failforward.preview;

import dev.failforward.core.incident.FailureCategory;
import dev.failforward.core.incident.FailureType;
import dev.failforward.core.record.ActionItem;
import dev.failforward.core.record.ActionType;
import dev.failforward.core.record.FailureRecord;
import dev.failforward.core.record.Learning;
import dev.failforward.core.record.LearningKind;
import dev.failforward.core.record.PageRequest;
import dev.failforward.core.record.RecordKind;
import dev.failforward.core.record.RecordQuery;
import dev.failforward.jira.huddle.Huddle;
import dev.failforward.jira.persistence.AoHuddles;
import dev.failforward.jira.persistence.AoLearningReuses;
import dev.failforward.jira.reuse.LearningReuse;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Demo content for resurfacing and the failure huddle, written with the rest of the demo data on a new preview
 * database:
 * <ul>
 *   <li>OPS-106, an incident discovered this morning whose 24-hour rule is still open (one learning so far), like
 *       OPS-102's config rollout, so its issue view offers OPS-102's learnings to apply — one of them applied
 *       already;</li>
 *   <li>overdue follow-ups on OPS-102 and CARE-8, and a learning of CARE-9 that a retro page cited (the huddle's
 *       learning to celebrate);</li>
 *   <li>the huddle of the OPS and CARE team held a week ago, so the board counts from there;</li>
 *   <li>learnings captured exactly a year and a quarter ago (on older history records), for "On this day".</li>
 * </ul>
 */
final class DemoResurfacing {

    static final long OPS_106 = 10106;
    static final List<String> TEAM = List.of("CARE", "OPS");

    private DemoResurfacing() {
    }

    static void load(PreviewServices services, Instant now) {
        ZoneId zone = services.kpiUser.zone();
        FailureRecord ops102 = services.records.findByIssueKey("OPS-102").orElseThrow();
        FailureRecord ops106 = services.records.upsert(FailureRecord.builder().issueId(OPS_106).issueKey("OPS-106")
                .projectKey("OPS").kind(RecordKind.INCIDENT).summary("Payment webhooks failing after config change")
                .status("Analysing").failureType(FailureType.COMPLEX).failureCategory(FailureCategory.PROCESS_DEVIATION)
                .team("Platform").component("checkout").labels(Set.of("config"))
                .discoveredAt(now.minus(Duration.ofHours(6))).reportedAt(now.minus(Duration.ofHours(5)))
                .createdAt(now.minus(Duration.ofHours(5))).updatedAt(now.minus(Duration.ofHours(4))).build());
        services.learnings.add(new Learning.Draft(ops106.issueId(),
                "The config change skipped the canary stage, like the checkout outage did", LearningKind.INSIGHT,
                "anna", now.minus(Duration.ofHours(4))));

        LocalDate today = LocalDate.ofInstant(now, zone);
        services.actions.add(new ActionItem.Draft(ops102.issueId(), "Put configuration changes through the canary stage",
                "ben", today.minusDays(6), ActionType.PREVENT, null, now.minus(Duration.ofDays(30))));
        FailureRecord care8 = services.records.findByIssueKey("CARE-8").orElseThrow();
        services.actions.add(new ActionItem.Draft(care8.issueId(), "Agree the night courier route with the lab",
                "kim", today.minusDays(2), ActionType.PREVENT, null, now.minus(Duration.ofDays(8))));

        FailureRecord care9 = services.records.findByIssueKey("CARE-9").orElseThrow();
        Learning wristband = services.learnings.add(new Learning.Draft(care9.issueId(),
                "After a jam the wristband printer repeats the previous patient's label", LearningKind.SURPRISE,
                "kim", now.minus(Duration.ofHours(20))));
        AoLearningReuses reuses = new AoLearningReuses(services.database.activeObjects());
        reuses.record(new LearningReuse(wristband.id(), care9.issueId(), "CARE", LearningReuse.Kind.RETRO,
                "page:" + care8.issueId(), "kim", now.minus(Duration.ofHours(3))));
        List<Learning> ops102Learnings = services.learnings.findByRecord(ops102.issueId());
        if (!ops102Learnings.isEmpty()) {
            reuses.record(new LearningReuse(ops102Learnings.get(0).id(), ops102.issueId(), "OPS",
                    LearningReuse.Kind.INCIDENT, "OPS-106", "anna", now.minus(Duration.ofHours(3))));
            reuses.record(new LearningReuse(ops102Learnings.get(0).id(), ops102.issueId(), "OPS",
                    LearningReuse.Kind.RETRO, "page:" + ops106.issueId(), "anna", now.minus(Duration.ofHours(2))));
        }

        Instant lastWeek = now.minus(Duration.ofDays(7));
        new AoHuddles(services.database.activeObjects()).hold(new Huddle(Huddle.teamKey(TEAM), TEAM,
                Huddle.week(lastWeek, zone), lastWeek, "anna", 3, null, null));

        remember(services, today.minusYears(1), zone, "Rollbacks were fast because the runbook had been rehearsed",
                LearningKind.WENT_WELL);
        remember(services, today.minusMonths(3), zone, "The alert threshold was set for weekday traffic only",
                LearningKind.INSIGHT);
    }

    /** A learning captured at noon of {@code day} on the newest record created in the 60 days before it. */
    private static void remember(PreviewServices services, LocalDate day, ZoneId zone, String text, LearningKind kind) {
        Instant at = day.atTime(LocalTime.NOON).atZone(zone).toInstant();
        Optional<FailureRecord> record = services.records.search(RecordQuery.inProjects(Set.copyOf(IssuesServlet.PROJECTS))
                .withCreated(at.minus(Duration.ofDays(60)), at).withPage(PageRequest.first(1))).records().stream()
                .findFirst();
        record.ifPresent(r -> services.learnings.add(new Learning.Draft(r.issueId(), text, kind, "demo", at)));
    }
}
