package dev.failforward.jira.kpi;

import dev.failforward.core.incident.FailureCategory;
import dev.failforward.core.incident.FailureType;
import dev.failforward.core.incident.TwentyFourHourRule;
import dev.failforward.core.kpi.Granularity;
import dev.failforward.core.kpi.Kpi;
import dev.failforward.core.kpi.KpiEngine;
import dev.failforward.core.kpi.KpiSeries;
import dev.failforward.core.kpi.Metric;
import dev.failforward.core.kpi.Period;
import dev.failforward.core.kpi.PeriodTallies;
import dev.failforward.core.kpi.Periods;
import dev.failforward.core.kpi.Share;
import dev.failforward.jira.failuredb.BrowsableProjects;
import dev.failforward.jira.failuredb.FailureDbException;
import dev.failforward.jira.permissions.RecordPermissions;
import dev.failforward.jira.persistence.AoCultureCounts;
import dev.failforward.jira.persistence.KpiStore;
import dev.failforward.jira.pulse.PulseService;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The culture KPIs of some projects over a range of months, for the current user: only projects they may browse
 * (asking for another is refused with the same answer whether it exists or not), periods cut in their time zone, the
 * sharing score under the pulse's anonymity threshold. Reads stored roll-ups through {@link KpiStore}; never loads
 * records or loops over issues. Huddles held and the award's nominations and voters come from their own small tables
 * ({@link AoCultureCounts}).
 */
@Named
public class KpiService {

    /** Ten years of months: a longer range is refused as a typing error. */
    public static final int MAX_MONTHS = 120;

    /** One KPI's result: a series, or for the mixes one series per failure type / category (stable key → series). */
    public record Result(Kpi kpi, KpiSeries series, Map<String, KpiSeries> mix, String jql) {
    }

    /** @param filter the saved filter the scope came from, or {@code null} */
    public record Report(List<String> projects, KpiFilters.Scope filter, Periods periods, ZoneId zone, Locale locale,
                         List<Result> results, int minAnswers) {
    }

    private final KpiStore store;
    private final AoCultureCounts culture;
    private final PulseService pulse;
    private final BrowsableProjects browsable;
    private final KpiUserContext user;
    private final KpiSearchLinks links;
    private final KpiFilters filters;
    private final Clock clock;

    @Inject
    public KpiService(KpiStore store, AoCultureCounts culture, PulseService pulse, RecordPermissions permissions,
                      KpiUserContext user, KpiSearchLinks links, KpiFilters filters) {
        this(store, culture, pulse, permissions, user, links, filters, Clock.systemUTC());
    }

    public KpiService(KpiStore store, AoCultureCounts culture, PulseService pulse, RecordPermissions permissions,
                      KpiUserContext user, KpiSearchLinks links, KpiFilters filters, Clock clock) {
        this.filters = Objects.requireNonNull(filters, "filters");
        this.store = Objects.requireNonNull(store, "store");
        this.culture = Objects.requireNonNull(culture, "culture");
        this.pulse = Objects.requireNonNull(pulse, "pulse");
        this.browsable = new BrowsableProjects(permissions);
        this.user = Objects.requireNonNull(user, "user");
        this.links = Objects.requireNonNull(links, "links");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @param requestedProjects project keys; empty = every project the user may browse (or the filter's)
     * @param filterId          a saved filter whose projects are the scope, or {@code null}; the caller made sure
     *                          it comes without projects
     * @param from              first month (in the user's zone), at most {@link #MAX_MONTHS} before {@code to}
     */
    public Report report(Collection<String> requestedProjects, Long filterId, YearMonth from, YearMonth to,
                         Granularity granularity, List<Kpi> kpis) {
        Set<String> projects = new TreeSet<>();
        KpiFilters.Scope filter = null;
        if (filterId != null) {
            filter = filters.scope(filterId).orElseThrow(() -> new FailureDbException.FilterHidden(filterId));
            // a filter may name projects the user cannot browse: Jira's search would find nothing there either
            projects.addAll(filter.allProjects() ? browsable.all() : browsable.among(filter.projectKeys()));
        } else if (requestedProjects.isEmpty()) {
            projects.addAll(browsable.all());
        } else {
            projects.addAll(browsable.require(requestedProjects));
        }
        ZoneId zone = user.zone();
        Instant now = clock.instant();
        Periods periods = Periods.between(from.atDay(1).atStartOfDay(zone).toInstant(),
                to.atDay(1).atStartOfDay(zone).toInstant(), granularity, zone, now);
        Set<Metric> metrics = EnumSet.noneOf(Metric.class);
        kpis.stream().map(KpiEngine::metricOf).filter(Objects::nonNull).forEach(metrics::add);
        PeriodTallies tallies = store.tallies(projects, periods, metrics, now, TwentyFourHourRule.DEFAULT_WINDOW);
        int minAnswers = pulse.minAnswers();
        KpiEngine engine = new KpiEngine(minAnswers);
        List<Result> results = new ArrayList<>();
        for (Kpi kpi : kpis) {
            String jql = links.jql(kpi, projects, periods);
            switch (kpi) {
                case SHARING_SCORE -> results.add(new Result(kpi, sharing(engine, projects, periods), null, jql));
                case HUDDLES_HELD -> results.add(new Result(kpi,
                        engine.counts(kpi, periods, culture.huddlesHeld(projects, periods)), null, jql));
                case AWARD_NOMINATIONS -> results.add(new Result(kpi,
                        engine.counts(kpi, periods, culture.nominations(projects, periods)), null, jql));
                case AWARD_VOTERS -> results.add(new Result(kpi,
                        engine.counts(kpi, periods, culture.voters(projects, periods, now)), null, jql));
                case FAILURE_TYPE_MIX -> results.add(new Result(kpi, null,
                        keyed(engine.mix(kpi, tallies, FailureType.class)), jql));
                case FAILURE_CATEGORY_MIX -> results.add(new Result(kpi, null,
                        keyed(engine.mix(kpi, tallies, FailureCategory.class)), jql));
                default -> results.add(new Result(kpi, engine.series(kpi, tallies), null, jql));
            }
        }
        return new Report(List.copyOf(projects), filter, periods, zone, user.locale(), results, minAnswers);
    }

    /**
     * Each (project, pulse period) is its own group under the threshold, so no combination of projects or of months
     * can reveal a group that is withheld on its own.
     */
    private KpiSeries sharing(KpiEngine engine, Set<String> projects, Periods periods) {
        List<Period> all = periods.all();
        LocalDate first = all.get(0).firstDay();
        LocalDate end = all.get(all.size() - 1).firstDay().plusMonths(all.get(0).granularity().months());
        Map<Period, List<Share>> groups = new HashMap<>();
        // periods by first day: a pulse period (a month) belongs to the last period starting on or before it, if that
        // one has not ended yet (one lookup per pulse group, not a walk over every period)
        java.util.TreeMap<LocalDate, Period> byFirstDay = new java.util.TreeMap<>();
        all.forEach(period -> byFirstDay.put(period.firstDay(), period));
        pulse.counts(projects, first, end).forEach((project, byStart) -> byStart.forEach((start, counts) -> {
            Map.Entry<LocalDate, Period> floor = byFirstDay.floorEntry(start);
            if (floor == null) {
                return;
            }
            Period period = floor.getValue();
            if (start.isBefore(period.firstDay().plusMonths(period.granularity().months()))) {
                long total = 0;
                for (long count : counts) {
                    total += count;
                }
                groups.computeIfAbsent(period, p -> new ArrayList<>()).add(new Share(counts[3] + counts[4], total));
            }
        }));
        return engine.sharingScoreByGroup(periods, groups);
    }

    private static <E extends Enum<E>> Map<String, KpiSeries> keyed(Map<E, KpiSeries> mix) {
        Map<String, KpiSeries> keyed = new LinkedHashMap<>();
        mix.forEach((value, series) -> keyed.put(value.name().toLowerCase(Locale.ROOT), series));
        return keyed;
    }
}
