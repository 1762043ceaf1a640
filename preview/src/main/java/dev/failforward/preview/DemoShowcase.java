package dev.failforward.preview;

import dev.failforward.core.record.FailureRecord;
import dev.failforward.core.record.Learning;
import dev.failforward.jira.persistence.AoLearningReuses;
import dev.failforward.jira.persistence.AoShowcaseQueries;
import dev.failforward.jira.reuse.LearningReuse;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the preview's failure showcase page shows for the last complete quarter, on top of {@link DemoHistory}'s
 * records (decided experiments, incidents with follow-ups checked effective, KPIs) and {@link DemoAwards}' award of
 * that quarter: learnings of earlier failures reused in the quarter (retro pages citing them, newer records applying
 * them), recorded through the learning-reuse store as its REST resource records them.
 */
final class DemoShowcase {

    private DemoShowcase() {
    }

    /** The first day of the last complete quarter before {@code now} (UTC). */
    static LocalDate lastQuarterStart(Instant now) {
        LocalDate inPrevious = now.atZone(ZoneOffset.UTC).toLocalDate().withDayOfMonth(1).minusMonths(3);
        return inPrevious.withMonth((inPrevious.getMonthValue() - 1) / 3 * 3 + 1);
    }

    /** The macro's period of that quarter, e.g. {@code 2026-Q3}. */
    static String lastQuarter(Instant now) {
        LocalDate start = lastQuarterStart(now);
        return start.getYear() + "-Q" + ((start.getMonthValue() - 1) / 3 + 1);
    }

    /** Returns how many reuses it recorded. */
    static int load(PreviewServices services, Instant now) {
        LocalDate start = lastQuarterStart(now);
        Instant from = start.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant to = start.plusMonths(3).atStartOfDay(ZoneOffset.UTC).toInstant();
        AoShowcaseQueries queries = new AoShowcaseQueries(services.database.activeObjects());
        Set<String> projects = new TreeSet<>(DemoData.projects());
        List<FailureRecord> decided = queries.decidedExperiments(projects, from, to);
        List<AoShowcaseQueries.VerifiedIncident> verified = queries.verifiedIncidents(projects, start,
                start.plusMonths(3));
        return reuses(services, from, to, decided, verified);
    }

    /**
     * Learnings of the quarter's failures and earlier ones, cited by retro pages and applied on newer records during
     * the quarter: the first most, so the showcase has a ranking.
     */
    private static int reuses(PreviewServices services, Instant from, Instant to, List<FailureRecord> decided,
                              List<AoShowcaseQueries.VerifiedIncident> verified) {
        List<FailureRecord> sources = new ArrayList<>();
        verified.forEach(v -> sources.add(v.incident()));
        sources.addAll(decided);
        List<FailureRecord> targets = new ArrayList<>(sources);
        List<Learning> candidates = new ArrayList<>();
        for (FailureRecord record : sources) {
            services.learnings.findByRecord(record.issueId()).stream()
                    .filter(l -> l.createdAt().isBefore(to.minus(Duration.ofDays(7)))).limit(1)
                    .forEach(candidates::add);
        }
        candidates.sort(Comparator.comparing(Learning::createdAt));
        int rows = 0;
        int times = 4;
        for (Learning learning : candidates.stream().limit(4).toList()) {
            FailureRecord own = services.records.findByIssueId(learning.recordIssueId()).orElseThrow();
            Instant first = learning.createdAt().isAfter(from) ? learning.createdAt() : from;
            Duration step = Duration.between(first, to).dividedBy(times + 1);
            int made = 0;
            for (FailureRecord target : targets) {
                if (made == times) {
                    break;
                }
                if (target.issueId() == own.issueId()) {
                    continue;
                }
                boolean retro = made % 2 == 0;
                Instant at = first.plus(step.multipliedBy(made + 1));
                rows += reuse(services, learning, own, retro ? "retro" : target.kind().name().toLowerCase(
                        java.util.Locale.ROOT), retro ? "page:" + target.issueId() : target.issueKey(), at);
                made++;
            }
            times = Math.max(1, times - 1);
        }
        return rows;
    }

    private static int reuse(PreviewServices services, Learning learning, FailureRecord own, String kind,
                             String target, Instant at) {
        // as the reuse REST records it: one row per learning, kind and target, and the record's KPIs recomputed
        return new AoLearningReuses(services.database.activeObjects()).record(new LearningReuse(learning.id(),
                own.issueId(), own.projectKey(), LearningReuse.Kind.of(kind), target, "demo", at)).created() ? 1 : 0;
    }
}
