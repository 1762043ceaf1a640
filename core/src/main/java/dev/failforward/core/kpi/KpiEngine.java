package dev.failforward.core.kpi;

import dev.failforward.core.incident.FailureCategory;
import dev.failforward.core.incident.FailureType;
import dev.failforward.core.incident.RuleResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Pure KPI calculators. Each KPI comes in two forms:
 * <ul>
 * <li>over facts: the engine puts each fact into the period of its event (below) and aggregates;</li>
 * <li>over per-period aggregates a database computed with {@code WHERE t >= period.startInstant() AND t <
 * period.endInstant()}: counts ({@link #counts}), {@link Share}s ({@link #shares}, {@link #sharingScore(Periods, Map)})
 * and duration samples ({@link #durations}). Percentiles need the individual durations (nearest rank is exact only on
 * samples; histogram buckets would only approximate it), so durations are handed over as samples. A period missing
 * from a map counts as empty.</li>
 * </ul>
 * The fact-based methods go through the aggregate ones, so both forms give the same result.
 *
 * <p>Event per KPI: experiments started by {@code startedAt}; hypotheses tested by {@code decidedAt}; reporting time
 * (discovery to report) by {@code reportedAt}; time to resolve by {@code resolvedAt}; time to insight by
 * {@code firstLearningAt}; recurrence, 24-hour compliance and failure mix by {@code discoveredAt}; action items by
 * {@code createdAt}, {@code closedAt}, {@code verifiedEffectiveAt}; pulse answers by {@code answeredAt}. A duration
 * ending before discovery (discovery back-dated) counts as zero. 24-hour compliance counts only MET and MISSED; PENDING
 * is not decided yet. Mix counts only classified incidents.
 */
public final class KpiEngine {

    /** The least number of pulse answers a sharing score is shown for; it may be raised, never lowered. */
    public static final int MIN_SHARING_ANSWERS = 5;

    private final int sharingMinAnswers;

    public KpiEngine(int sharingMinAnswers) {
        if (sharingMinAnswers < MIN_SHARING_ANSWERS) {
            throw new IllegalArgumentException("sharingMinAnswers must be at least " + MIN_SHARING_ANSWERS
                    + " to keep answers anonymous: " + sharingMinAnswers);
        }
        this.sharingMinAnswers = sharingMinAnswers;
    }

    public static KpiEngine defaults() {
        return new KpiEngine(MIN_SHARING_ANSWERS);
    }

    public int sharingMinAnswers() {
        return sharingMinAnswers;
    }

    // ---- over facts -------------------------------------------------------------------------------------------

    public KpiSeries experimentsStarted(Periods periods, Collection<ExperimentFact> experiments) {
        return counts(Kpi.EXPERIMENTS_STARTED, periods, count(periods, experiments, ExperimentFact::startedAt));
    }

    public KpiSeries hypothesesTested(Periods periods, Collection<ExperimentFact> experiments) {
        return counts(Kpi.HYPOTHESES_TESTED, periods, count(periods, experiments, ExperimentFact::decidedAt));
    }

    public KpiSeries actionsOpened(Periods periods, Collection<ActionFact> actions) {
        return counts(Kpi.ACTIONS_OPENED, periods, count(periods, actions, ActionFact::createdAt));
    }

    public KpiSeries actionsClosed(Periods periods, Collection<ActionFact> actions) {
        return counts(Kpi.ACTIONS_CLOSED, periods, count(periods, actions, ActionFact::closedAt));
    }

    public KpiSeries actionsVerifiedEffective(Periods periods, Collection<ActionFact> actions) {
        return counts(Kpi.ACTIONS_VERIFIED_EFFECTIVE, periods,
                count(periods, actions, ActionFact::verifiedEffectiveAt));
    }

    public KpiSeries reportingTimeMedian(Periods periods, Collection<IncidentFact> incidents) {
        return durations(Kpi.REPORTING_TIME_MEDIAN, periods, samples(periods, incidents, IncidentFact::reportedAt));
    }

    public KpiSeries reportingTimeP90(Periods periods, Collection<IncidentFact> incidents) {
        return durations(Kpi.REPORTING_TIME_P90, periods, samples(periods, incidents, IncidentFact::reportedAt));
    }

    public KpiSeries timeToResolve(Periods periods, Collection<IncidentFact> incidents) {
        return durations(Kpi.TIME_TO_RESOLVE, periods, samples(periods, incidents, IncidentFact::resolvedAt));
    }

    public KpiSeries timeToInsight(Periods periods, Collection<IncidentFact> incidents) {
        return durations(Kpi.TIME_TO_INSIGHT, periods, samples(periods, incidents, IncidentFact::firstLearningAt));
    }

    public KpiSeries recurrenceRate(Periods periods, Collection<IncidentFact> incidents) {
        Map<Period, Share> shares = new HashMap<>();
        for (IncidentFact incident : incidents) {
            Period period = periods.periodOf(incident.discoveredAt());
            if (period != null) {
                shares.merge(period, Share.NONE.plus(incident.recurrence()), KpiEngine::sum);
            }
        }
        return shares(Kpi.RECURRENCE_RATE, periods, shares);
    }

    public KpiSeries twentyFourHourCompliance(Periods periods, Collection<IncidentFact> incidents) {
        Map<Period, Share> shares = new HashMap<>();
        for (IncidentFact incident : incidents) {
            RuleResult.Status status = incident.twentyFourHourRule();
            Period period = periods.periodOf(incident.discoveredAt());
            if (period != null && (status == RuleResult.Status.MET || status == RuleResult.Status.MISSED)) {
                shares.merge(period, Share.NONE.plus(status == RuleResult.Status.MET), KpiEngine::sum);
            }
        }
        return shares(Kpi.TWENTY_FOUR_HOUR_COMPLIANCE, periods, shares);
    }

    public KpiSeries sharingScore(Periods periods, Collection<PulseAnswer> answers) {
        Map<Period, Share> shares = new HashMap<>();
        for (PulseAnswer answer : answers) {
            Period period = periods.periodOf(answer.answeredAt());
            if (period != null) {
                shares.merge(period, Share.NONE.plus(answer.favourable()), KpiEngine::sum);
            }
        }
        return sharingScore(periods, shares);
    }

    /** Incidents per failure type and period, every type present (zero when none). */
    public Map<FailureType, KpiSeries> failureTypeMix(Periods periods, Collection<IncidentFact> incidents) {
        return mix(Kpi.FAILURE_TYPE_MIX, periods, incidents, FailureType.class, IncidentFact::failureType);
    }

    /** Incidents per failure category and period, every category present (zero when none). */
    public Map<FailureCategory, KpiSeries> failureCategoryMix(Periods periods, Collection<IncidentFact> incidents) {
        return mix(Kpi.FAILURE_CATEGORY_MIX, periods, incidents, FailureCategory.class, IncidentFact::category);
    }

    // ---- over aggregates --------------------------------------------------------------------------------------

    /** A counting KPI from per-period counts; a period without a count is zero. */
    public KpiSeries counts(Kpi kpi, Periods periods, Map<Period, Long> counts) {
        require(kpi, Unit.COUNT);
        List<Point> points = new ArrayList<>();
        for (Period period : periods.all()) {
            long count = counts.getOrDefault(period, 0L);
            if (count < 0) {
                throw new IllegalArgumentException("count must not be negative: " + period + " " + count);
            }
            points.add(Point.of(period, count, count));
        }
        return new KpiSeries(kpi, points);
    }

    /** A share KPI (recurrence rate, 24-hour compliance) from per-period shares; no total is no data. */
    public KpiSeries shares(Kpi kpi, Periods periods, Map<Period, Share> shares) {
        require(kpi, Unit.SHARE);
        if (kpi == Kpi.SHARING_SCORE) {
            return sharingScore(periods, shares);
        }
        List<Point> points = new ArrayList<>();
        for (Period period : periods.all()) {
            Share share = shares.getOrDefault(period, Share.NONE);
            points.add(share.total() == 0 ? Point.none(period, Point.Status.NO_DATA, 0)
                    : Point.of(period, share.hits() / (double) share.total(), share.total()));
        }
        return new KpiSeries(kpi, points);
    }

    /**
     * The sharing score from favourable answers (4 or 5) out of all answers per period; withheld (NOT_ENOUGH_ANSWERS,
     * no value) when fewer than {@link #sharingMinAnswers()} answered, NO_DATA when none did.
     */
    public KpiSeries sharingScore(Periods periods, Map<Period, Share> answers) {
        List<Point> points = new ArrayList<>();
        for (Period period : periods.all()) {
            Share share = answers.getOrDefault(period, Share.NONE);
            if (share.total() == 0) {
                points.add(Point.none(period, Point.Status.NO_DATA, 0));
            } else if (share.total() < sharingMinAnswers) {
                points.add(Point.none(period, Point.Status.NOT_ENOUGH_ANSWERS, share.total()));
            } else {
                points.add(Point.of(period, share.hits() / (double) share.total(), share.total()));
            }
        }
        return new KpiSeries(Kpi.SHARING_SCORE, points);
    }

    /**
     * A duration KPI in hours from per-period duration samples: nearest-rank median or p90 for the reporting times,
     * the mean for time to resolve and time to insight; no samples is no data.
     */
    public KpiSeries durations(Kpi kpi, Periods periods, Map<Period, List<Duration>> samples) {
        require(kpi, Unit.HOURS);
        List<Point> points = new ArrayList<>();
        for (Period period : periods.all()) {
            List<Duration> durations = samples.getOrDefault(period, List.of());
            for (Duration duration : durations) {
                if (duration.isNegative()) {
                    throw new IllegalArgumentException("duration must not be negative: " + period + " " + duration);
                }
            }
            Duration value = switch (kpi) {
                case REPORTING_TIME_MEDIAN -> Percentiles.nearestRank(durations, 50);
                case REPORTING_TIME_P90 -> Percentiles.nearestRank(durations, 90);
                default -> Percentiles.mean(durations);
            };
            points.add(value == null ? Point.none(period, Point.Status.NO_DATA, 0)
                    : Point.of(period, Percentiles.hours(value), durations.size()));
        }
        return new KpiSeries(kpi, points);
    }

    /**
     * The sharing score over several groups (projects): a group's answers count only in a period where that group alone
     * reached {@link #sharingMinAnswers()}, so combining a large group with a small one can never reveal the small
     * one's answers by difference. A period where answers exist but no group reached the threshold is
     * NOT_ENOUGH_ANSWERS (its sample size is every answer); no answers at all is NO_DATA; a period not over yet is
     * PERIOD_OPEN (withheld until it ends, so answers cannot be told apart by watching the score change).
     */
    public KpiSeries sharingScoreByGroup(Periods periods, Map<Period, List<Share>> groups) {
        List<Point> points = new ArrayList<>();
        for (Period period : periods.all()) {
            long hits = 0;
            long total = 0;
            long all = 0;
            for (Share group : groups.getOrDefault(period, List.of())) {
                all += group.total();
                if (group.total() >= sharingMinAnswers) {
                    hits += group.hits();
                    total += group.total();
                }
            }
            if (all == 0) {
                points.add(Point.none(period, Point.Status.NO_DATA, 0));
            } else if (period.partial()) {
                points.add(Point.none(period, Point.Status.PERIOD_OPEN, all));
            } else if (total == 0) {
                points.add(Point.none(period, Point.Status.NOT_ENOUGH_ANSWERS, all));
            } else {
                points.add(Point.of(period, hits / (double) total, total));
            }
        }
        return new KpiSeries(Kpi.SHARING_SCORE, points);
    }

    // ---- over stored tallies ----------------------------------------------------------------------------------

    /**
     * The metric a KPI reads from {@link PeriodTallies}; {@code null} for the sharing score (pulse answers), huddles
     * held and the award's nominations and voters (each counted from its own table: {@link #counts}).
     */
    public static Metric metricOf(Kpi kpi) {
        return switch (kpi) {
            case EXPERIMENTS_STARTED -> Metric.EXPERIMENT_STARTED;
            case HYPOTHESES_TESTED -> Metric.HYPOTHESIS_TESTED;
            case REPORTING_TIME_MEDIAN, REPORTING_TIME_P90 -> Metric.REPORTED;
            case RECURRENCE_RATE -> Metric.INCIDENT_DISCOVERED;
            case TWENTY_FOUR_HOUR_COMPLIANCE -> Metric.TWENTY_FOUR_HOUR_RULE;
            case TIME_TO_RESOLVE -> Metric.RESOLVED;
            case TIME_TO_INSIGHT -> Metric.FIRST_LEARNING;
            case ACTIONS_OPENED -> Metric.ACTION_OPENED;
            case ACTIONS_CLOSED -> Metric.ACTION_CLOSED;
            case ACTIONS_VERIFIED_EFFECTIVE -> Metric.ACTION_EFFECTIVE;
            case FOLLOW_UPS_EFFECTIVE_ON_TIME -> Metric.ACTION_CHECK_IN;
            case TEAM_LEARNING_INDEX -> Metric.LEARNINGS_REUSED;
            case FAILURE_TYPE_MIX -> Metric.FAILURE_TYPE;
            case FAILURE_CATEGORY_MIX -> Metric.FAILURE_CATEGORY;
            // not from failure records: pulse answers, huddles and awards have their own tables
            case SHARING_SCORE, HUDDLES_HELD, AWARD_NOMINATIONS, AWARD_VOTERS -> null;
        };
    }

    /**
     * A KPI from stored tallies: counts as they are, shares and ratios as sum / count (a hit is value 1), mean
     * durations as sum / count minutes, and the reporting-time percentiles by nearest rank over the {@link DurationBins}
     * histogram (each bin read as its middle). Not for the sharing score ({@link #sharingScore(Periods, Map)}) or the
     * mixes ({@link #mix(Kpi, PeriodTallies, Class)}).
     */
    public KpiSeries series(Kpi kpi, PeriodTallies tallies) {
        Periods periods = tallies.periods();
        Metric metric = metricOf(kpi);
        if (metric == null || kpi == Kpi.FAILURE_TYPE_MIX || kpi == Kpi.FAILURE_CATEGORY_MIX) {
            throw new IllegalArgumentException(kpi.key() + " is not a single series over tallies");
        }
        switch (kpi.unit()) {
            case COUNT -> {
                Map<Period, Long> counts = new HashMap<>();
                periods.all().forEach(p -> counts.put(p, tallies.total(p, metric).count()));
                return counts(kpi, periods, counts);
            }
            case SHARE -> {
                Map<Period, Share> shares = new HashMap<>();
                periods.all().forEach(p -> {
                    Tally tally = tallies.total(p, metric);
                    shares.put(p, new Share(tally.sum(), tally.count()));
                });
                return shares(kpi, periods, shares);
            }
            case RATIO -> {
                // sum / count: e.g. learnings reused later per failure; no failure is no data
                List<Point> points = new ArrayList<>();
                for (Period period : periods.all()) {
                    Tally tally = tallies.total(period, metric);
                    points.add(tally.isEmpty() ? Point.none(period, Point.Status.NO_DATA, 0)
                            : Point.of(period, tally.sum() / (double) tally.count(), tally.count()));
                }
                return new KpiSeries(kpi, points);
            }
            default -> {
                List<Point> points = new ArrayList<>();
                for (Period period : periods.all()) {
                    Double minutes = switch (kpi) {
                        case REPORTING_TIME_MEDIAN -> binnedPercentile(tallies.byDim(period, metric), 50);
                        case REPORTING_TIME_P90 -> binnedPercentile(tallies.byDim(period, metric), 90);
                        default -> mean(tallies.total(period, metric));
                    };
                    long n = tallies.total(period, metric).count();
                    points.add(minutes == null ? Point.none(period, Point.Status.NO_DATA, 0)
                            : Point.of(period, minutes / 60.0, n));
                }
                return new KpiSeries(kpi, points);
            }
        }
    }

    /** Counts per period of each constant of {@code type} (failure type or category), every constant present. */
    public <E extends Enum<E>> Map<E, KpiSeries> mix(Kpi kpi, PeriodTallies tallies, Class<E> type) {
        Metric metric = metricOf(kpi);
        if (kpi != Kpi.FAILURE_TYPE_MIX && kpi != Kpi.FAILURE_CATEGORY_MIX) {
            throw new IllegalArgumentException(kpi.key() + " is not a mix");
        }
        Map<E, KpiSeries> series = new LinkedHashMap<>();
        for (E value : type.getEnumConstants()) {
            Map<Period, Long> counts = new HashMap<>();
            for (Period period : tallies.periods().all()) {
                counts.put(period, tallies.byDim(period, metric).getOrDefault(value.name(), Tally.NONE).count());
            }
            series.put(value, counts(kpi, tallies.periods(), counts));
        }
        return Collections.unmodifiableMap(series);
    }

    private static Double mean(Tally tally) {
        return tally.isEmpty() ? null : tally.sum() / (double) tally.count();
    }

    /** Nearest rank over a histogram keyed by bin number (as text): the middle of the bin holding the rank. */
    static Double binnedPercentile(Map<String, Tally> bins, int p) {
        java.util.TreeMap<Integer, Long> sorted = new java.util.TreeMap<>();
        bins.forEach((bin, tally) -> sorted.merge(Integer.parseInt(bin), tally.count(), Long::sum));
        long n = sorted.values().stream().mapToLong(Long::longValue).sum();
        if (n == 0) {
            return null;
        }
        long rank = Math.max(1, (long) Math.ceil(p * (double) n / 100.0));
        long seen = 0;
        for (Map.Entry<Integer, Long> bin : sorted.entrySet()) {
            seen += bin.getValue();
            if (seen >= rank) {
                return DurationBins.representativeMinutes(bin.getKey());
            }
        }
        throw new IllegalStateException("rank " + rank + " beyond " + n);
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private static void require(Kpi kpi, Unit unit) {
        Objects.requireNonNull(kpi, "kpi");
        if (kpi.unit() != unit) {
            throw new IllegalArgumentException(kpi.key() + " is not measured in " + unit);
        }
    }

    private static Share sum(Share a, Share b) {
        return new Share(a.hits() + b.hits(), a.total() + b.total());
    }

    private static <T> Map<Period, Long> count(Periods periods, Collection<T> facts, Function<T, Instant> event) {
        Map<Period, Long> counts = new HashMap<>();
        for (T fact : facts) {
            Period period = periods.periodOf(event.apply(fact));
            if (period != null) {
                counts.merge(period, 1L, Long::sum);
            }
        }
        return counts;
    }

    private static Map<Period, List<Duration>> samples(Periods periods, Collection<IncidentFact> incidents,
                                                       Function<IncidentFact, Instant> end) {
        Map<Period, List<Duration>> samples = new HashMap<>();
        for (IncidentFact incident : incidents) {
            Instant at = end.apply(incident);
            Period period = periods.periodOf(at);
            if (period != null) {
                Duration duration = Duration.between(incident.discoveredAt(), at);
                samples.computeIfAbsent(period, p -> new ArrayList<>())
                        .add(duration.isNegative() ? Duration.ZERO : duration);
            }
        }
        return samples;
    }

    private <E extends Enum<E>> Map<E, KpiSeries> mix(Kpi kpi, Periods periods, Collection<IncidentFact> incidents,
                                                      Class<E> type, Function<IncidentFact, E> classify) {
        Map<E, Map<Period, Long>> counts = new EnumMap<>(type);
        for (E value : type.getEnumConstants()) {
            counts.put(value, new HashMap<>());
        }
        for (IncidentFact incident : incidents) {
            E value = classify.apply(incident);
            Period period = periods.periodOf(incident.discoveredAt());
            if (value != null && period != null) {
                counts.get(value).merge(period, 1L, Long::sum);
            }
        }
        Map<E, KpiSeries> series = new LinkedHashMap<>();
        counts.forEach((value, perPeriod) -> series.put(value, counts(kpi, periods, perPeriod)));
        return Collections.unmodifiableMap(series);
    }
}
