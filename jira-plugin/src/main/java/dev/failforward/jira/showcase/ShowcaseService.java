package dev.failforward.jira.showcase;

import dev.failforward.core.award.Award;
import dev.failforward.core.award.AwardPhase;
import dev.failforward.core.award.AwardTally;
import dev.failforward.core.kpi.Kpi;
import dev.failforward.core.record.FailureRecord;
import dev.failforward.core.record.FailureRecordRepository;
import dev.failforward.jira.award.AwardService;
import dev.failforward.jira.failuredb.BrowsableProjects;
import dev.failforward.jira.kpi.KpiService;
import dev.failforward.jira.kpi.KpiUserContext;
import dev.failforward.jira.permissions.RecordPermissions;
import dev.failforward.jira.persistence.AoAwards;
import dev.failforward.jira.persistence.AoShowcaseQueries;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Assembles the failure showcase of some projects for one period, for the current user — what Confluence's
 * {@code failforward-showcase} macro prints:
 * <ul>
 *   <li>the most-valuable-failure awards whose period overlaps, of the whole instance or of a project group holding
 *       one of the projects: once voting has closed, their nominees (public) with votes and the winner; before, only
 *       when results come ({@link AwardService} filters every nominee by permission);</li>
 *   <li>the learnings of the projects' failures reused most in the period ({@code LEARNING_REUSE});</li>
 *   <li>the experiments decided in the period with outcome, decision and the experiments that pivoted from them;</li>
 *   <li>the incidents whose follow-ups were verified effective at a check-in in the period;</li>
 *   <li>a few headline KPIs of the period ({@link #HEADLINE_KPIS}) from {@link KpiService}, with their healthy
 *       direction.</li>
 * </ul>
 * Projects the user cannot browse are refused as {@link KpiService} refuses them (same answer whether they exist or
 * not); no project = every project the user may browse. Records in other projects (a next iteration elsewhere) appear
 * only when the user may browse them. Read-only: the only write is the award fold {@link AwardService#results} does on
 * the first read after an award's close.
 */
@Named
public class ShowcaseService {

    /** The KPI snapshot: experiments tried, speed and honesty of reporting, recurrence, follow-ups that worked. */
    public static final List<Kpi> HEADLINE_KPIS = List.of(Kpi.HYPOTHESES_TESTED, Kpi.REPORTING_TIME_MEDIAN,
            Kpi.RECURRENCE_RATE, Kpi.ACTIONS_VERIFIED_EFFECTIVE, Kpi.SHARING_SCORE);
    /** How many reused learnings the showcase lists. */
    public static final int MAX_LEARNINGS = 10;
    /** The most recently decided experiments a showcase lists; it says how many there were in all. */
    public static final int MAX_EXPERIMENTS = 50;
    /** The most recently verified incidents a showcase lists; it says how many there were in all. */
    public static final int MAX_INCIDENTS = 50;

    private final AoShowcaseQueries queries;
    private final AoAwards awards;
    private final AwardService awardService;
    private final KpiService kpis;
    private final RecordPermissions permissions;
    private final BrowsableProjects browsable;
    private final FailureRecordRepository records;
    private final KpiUserContext user;
    private final Clock clock;

    @Inject
    public ShowcaseService(AoShowcaseQueries queries, AoAwards awards, AwardService awardService, KpiService kpis,
                           RecordPermissions permissions, FailureRecordRepository records, KpiUserContext user) {
        this(queries, awards, awardService, kpis, permissions, records, user, Clock.systemUTC());
    }

    public ShowcaseService(AoShowcaseQueries queries, AoAwards awards, AwardService awardService, KpiService kpis,
                           RecordPermissions permissions, FailureRecordRepository records, KpiUserContext user,
                           Clock clock) {
        this.queries = Objects.requireNonNull(queries, "queries");
        this.awards = Objects.requireNonNull(awards, "awards");
        this.awardService = Objects.requireNonNull(awardService, "awardService");
        this.kpis = Objects.requireNonNull(kpis, "kpis");
        this.permissions = Objects.requireNonNull(permissions, "permissions");
        this.browsable = new BrowsableProjects(permissions);
        this.records = Objects.requireNonNull(records, "records");
        this.user = Objects.requireNonNull(user, "user");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The current user's zone: where a showcase's months start. */
    public ZoneId zone() {
        return user.zone();
    }

    /**
     * @param requestedProjects project keys; empty = every project the user may browse
     */
    public Showcase showcase(Collection<String> requestedProjects, ShowcasePeriod period) {
        Set<String> projects = new TreeSet<>(requestedProjects.isEmpty() ? browsable.all()
                : browsable.require(requestedProjects));
        ZoneId zone = user.zone();
        Instant from = period.start(zone);
        Instant to = period.end(zone);
        if (projects.isEmpty()) {
            return new Showcase(List.of(), period, zone, clock.instant(), List.of(), List.of(), List.of(), 0, List.of(),
                    0, null);
        }
        KpiService.Report kpiReport = kpis.report(projects, null, period.first(), period.last(),
                period.kpiGranularity(), HEADLINE_KPIS);
        AoShowcaseQueries.Capped<FailureRecord> decided = queries.decidedExperiments(projects, from, to,
                MAX_EXPERIMENTS);
        List<AoShowcaseQueries.VerifiedIncident> verified = queries.verifiedIncidents(projects, period.firstDay(),
                period.endDay());
        return new Showcase(List.copyOf(projects), period, zone, clock.instant(), awards(projects, period),
                queries.mostReused(projects, from, to, MAX_LEARNINGS), experiments(decided.items()), decided.total(),
                verified.subList(0, Math.min(MAX_INCIDENTS, verified.size())), verified.size(), kpiReport);
    }

    private List<Showcase.AwardEntry> awards(Set<String> projects, ShowcasePeriod period) {
        List<Showcase.AwardEntry> entries = new ArrayList<>();
        for (String key : queries.awardsOverlapping(period.firstDay(), period.endDay())) {
            Optional<Award> found = awards.find(key);
            if (found.isEmpty()) {
                continue;
            }
            Award award = found.get();
            if (!award.scope().isInstance() && projects.stream().noneMatch(award.scope()::covers)) {
                continue;
            }
            AwardPhase phase = awardService.phase(award);
            List<Showcase.Nominee> nominees = new ArrayList<>();
            Optional<AwardTally> results = phase.resultsVisible() ? awardService.results(key) : Optional.empty();
            results.ifPresent(tally -> {
                for (AwardTally.Standing standing : tally.ranked()) {
                    visible(standing.nomination().recordKey()).ifPresent(record -> nominees.add(new Showcase.Nominee(
                            standing.nomination(), record, standing.votes(),
                            tally.winner().filter(standing::equals).isPresent())));
                }
            });
            if (phase.resultsVisible() && nominees.isEmpty()) {
                continue; // closed without a nominee this user may see: nothing to show
            }
            entries.add(new Showcase.AwardEntry(award, phase, nominees));
        }
        return entries;
    }

    private List<Showcase.DecidedExperiment> experiments(List<FailureRecord> decided) {
        Map<String, List<FailureRecord>> next = queries.nextIterations(decided.stream()
                .map(FailureRecord::issueKey).toList());
        List<Showcase.DecidedExperiment> experiments = new ArrayList<>();
        for (FailureRecord experiment : decided) {
            experiments.add(new Showcase.DecidedExperiment(experiment, next.getOrDefault(experiment.issueKey(),
                    List.of()).stream().filter(r -> permissions.canBrowse(r.projectKey())).toList()));
        }
        return experiments;
    }

    private Optional<FailureRecord> visible(String recordKey) {
        return records.findByIssueKey(recordKey).filter(r -> permissions.canBrowse(r.projectKey()));
    }
}
