package dev.failforward.preview;

import dev.failforward.core.award.Award;
import dev.failforward.core.award.AwardPeriod;
import dev.failforward.core.award.AwardSchedule;
import dev.failforward.core.award.AwardScope;
import dev.failforward.core.record.FailureRecord;
import dev.failforward.core.record.Learning;
import dev.failforward.host.settings.InMemoryPluginSettings;
import dev.failforward.jira.award.AwardService;
import dev.failforward.jira.award.AwardSettings;
import dev.failforward.jira.permissions.RecordPermissions;
import dev.failforward.jira.persistence.AoAwards;
import dev.failforward.jira.persistence.AoShowcaseQueries;
import dev.failforward.jira.persistence.LearningReuseEntity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the preview's failure showcase page shows for the last complete quarter, on top of {@link DemoHistory}'s
 * records (decided experiments, incidents with follow-ups checked effective, KPIs): the quarter's most-valuable-failure
 * award of the whole instance — three nominees, five secret ballots cast through the real {@link AwardService} with its
 * clock in the voting window, counted by the first read after the close — and learnings of earlier failures reused in
 * the quarter (retro pages citing them, newer records applying them), written as the learning-reuse REST writes them.
 * Loaded with the demo data; skipped when the quarter's award already has nominees (another demo made it).
 */
final class DemoShowcase {

    /** Who voted in the demo award (user keys of the demo; never tied to a choice in the database). */
    private static final List<String> VOTERS = List.of("demo-ana", "demo-ben", "demo-cleo", "demo-dev", "demo-eli");

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

    /** Returns how many rows it wrote (nominations, ballots, reuses). */
    static int load(PreviewServices services, Instant now) {
        LocalDate start = lastQuarterStart(now);
        Instant from = start.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant to = start.plusMonths(3).atStartOfDay(ZoneOffset.UTC).toInstant();
        AoShowcaseQueries queries = new AoShowcaseQueries(services.database.activeObjects());
        Set<String> projects = new TreeSet<>(DemoData.projects());
        List<FailureRecord> decided = queries.decidedExperiments(projects, from, to);
        List<AoShowcaseQueries.VerifiedIncident> verified = queries.verifiedIncidents(projects, start,
                start.plusMonths(3));
        return award(services, start, decided, verified) + reuses(services, from, to, decided, verified);
    }

    private static int award(PreviewServices services, LocalDate start, List<FailureRecord> decided,
                             List<AoShowcaseQueries.VerifiedIncident> verified) {
        List<String> nominees = new ArrayList<>();
        verified.stream().limit(1).forEach(v -> nominees.add(v.incident().issueKey()));
        decided.stream().limit(2).forEach(e -> nominees.add(e.issueKey()));
        if (nominees.size() < 2) {
            return 0;
        }
        AoAwards store = new AoAwards(services.database.activeObjects());
        AwardPeriod period = AwardSchedule.quarterly(ZoneOffset.UTC).periodAt(start.atStartOfDay(ZoneOffset.UTC)
                .toInstant().plus(Duration.ofDays(10)));
        Award award = store.ensure(new Award(AwardScope.instance(), period));
        if (!store.nominations(award.id()).isEmpty()) {
            return 0;
        }
        SeedUser user = new SeedUser();
        SeedClock clock = new SeedClock(period.votingOpens().minus(Duration.ofDays(3)));
        AwardService awards = new AwardService(store, user, services.records,
                new AwardSettings(new InMemoryPluginSettings()), services.secrets, clock);
        List<String> reasons = List.of(
                "We found out in minutes instead of days, and the follow-up made it impossible to repeat.",
                "A refuted hypothesis, written down before the start: it saved a quarter of building the wrong thing.",
                "The team stopped early on its own stop criterion and shared why.");
        int rows = 0;
        for (int i = 0; i < nominees.size(); i++) {
            user.key = VOTERS.get(i);
            clock.now = period.votingOpens().minus(Duration.ofDays(3 - i));
            awards.nominate(AwardScope.instance(), nominees.get(i), reasons.get(i));
            rows++;
        }
        clock.now = period.votingOpens().plus(Duration.ofDays(2));
        for (int v = 0; v < VOTERS.size(); v++) {
            user.key = VOTERS.get(v);
            awards.vote(award.id(), nominees.get(v < 3 ? 0 : 1));
            rows++;
        }
        return rows;
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
        String key = learning.id() + ":" + kind + ":" + target;
        if (services.database.activeObjects().count(LearningReuseEntity.class, LearningReuseEntity.REUSE_KEY + " = ?",
                key) > 0) {
            return 0;
        }
        Map<String, Object> row = new HashMap<>();
        row.put(LearningReuseEntity.REUSE_KEY, key);
        row.put(LearningReuseEntity.LEARNING_ID, learning.id());
        row.put(LearningReuseEntity.RECORD_ISSUE_ID, own.issueId());
        row.put(LearningReuseEntity.PROJECT_KEY, own.projectKey());
        row.put(LearningReuseEntity.KIND, kind);
        row.put(LearningReuseEntity.TARGET, target);
        row.put(LearningReuseEntity.REUSED_BY, "demo");
        row.put(LearningReuseEntity.REUSED_AT, Date.from(at));
        services.database.activeObjects().create(LearningReuseEntity.class, row);
        return 1;
    }

    /** The demo's nominators and voters, one at a time; they may browse every demo project. */
    private static final class SeedUser implements RecordPermissions {
        String key;

        @Override
        public Optional<String> currentUserKey() {
            return Optional.ofNullable(key);
        }

        @Override
        public Set<String> browsableProjectKeys() {
            return new TreeSet<>(DemoData.projects());
        }

        @Override
        public boolean canBrowse(String projectKey) {
            return DemoData.projects().contains(projectKey);
        }

        @Override
        public boolean canEdit(String projectKey) {
            return false;
        }
    }

    /** The seeding's clock: inside the nomination window, then inside the voting window. */
    private static final class SeedClock extends Clock {
        Instant now;

        SeedClock(Instant now) {
            this.now = now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
