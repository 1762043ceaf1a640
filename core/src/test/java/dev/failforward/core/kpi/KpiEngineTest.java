package dev.failforward.core.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.failforward.core.incident.FailureCategory;
import dev.failforward.core.incident.FailureType;
import dev.failforward.core.incident.RuleResult;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KpiEngineTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final KpiEngine ENGINE = KpiEngine.defaults();
    /** 2026-01 .. 2026-04 in Berlin; April is the current, partial month; February is empty. */
    private static final Periods PERIODS = Periods.between(at("2026-01-01T00:00:00Z"), at("2026-04-10T00:00:00Z"),
            Granularity.MONTH, BERLIN, at("2026-04-10T00:00:00Z"));

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }

    private static IncidentFact incident(String discovered, int reportHours, Integer resolveHours,
                                         Integer learnHours, boolean recurrence, FailureType type,
                                         FailureCategory category, RuleResult.Status rule) {
        Instant d = at(discovered);
        return new IncidentFact(d, d.plus(Duration.ofHours(reportHours)),
                resolveHours == null ? null : d.plus(Duration.ofHours(resolveHours)),
                learnHours == null ? null : d.plus(Duration.ofHours(learnHours)), recurrence, type, category, rule);
    }

    private static final List<IncidentFact> INCIDENTS = List.of(
            incident("2026-01-05T09:00:00Z", 2, 26, 10, false, FailureType.BASIC, FailureCategory.PROCESS_DEVIATION,
                    RuleResult.Status.MET),
            incident("2026-01-12T09:00:00Z", 4, 50, 30, true, FailureType.BASIC, FailureCategory.PROCESS_DEVIATION,
                    RuleResult.Status.MISSED),
            incident("2026-01-20T09:00:00Z", 10, null, null, false, FailureType.COMPLEX, FailureCategory.DATA_GAP,
                    RuleResult.Status.MET),
            incident("2026-01-27T09:00:00Z", 1, 2, 1, true, FailureType.INTELLIGENT, FailureCategory.DESIGN_FLAW,
                    RuleResult.Status.MET),
            // 23:30Z on 31 March is April in Berlin
            incident("2026-03-31T23:30:00Z", 1, 5, 3, false, FailureType.INTELLIGENT, null,
                    RuleResult.Status.PENDING),
            incident("2026-03-10T08:00:00Z", 3, 24, 4, false, FailureType.COMPLEX, FailureCategory.EXTERNAL_SHOCK,
                    RuleResult.Status.MET),
            incident("2026-03-11T08:00:00Z", 5, 48, 6, true, null, null, null));

    private static List<Double> values(KpiSeries series) {
        List<Double> values = new ArrayList<>();
        series.points().forEach(p -> values.add(p.value()));
        return values;
    }

    @Test
    void experimentsStartedAndHypothesesTestedCountPerPeriodWithZeros() {
        List<ExperimentFact> experiments = List.of(
                new ExperimentFact(at("2026-01-03T10:00:00Z"), at("2026-03-02T10:00:00Z")),
                new ExperimentFact(at("2026-01-20T10:00:00Z"), null),
                new ExperimentFact(at("2026-03-31T22:30:00Z"), at("2026-04-05T10:00:00Z")),
                new ExperimentFact(at("2025-12-31T22:59:00Z"), at("2026-01-31T23:00:00Z")),
                new ExperimentFact(null, null));

        KpiSeries started = ENGINE.experimentsStarted(PERIODS, experiments);
        KpiSeries tested = ENGINE.hypothesesTested(PERIODS, experiments);

        assertThat(started.kpi()).isEqualTo(Kpi.EXPERIMENTS_STARTED);
        assertThat(started.direction()).isEqualTo(Direction.UP);
        assertThat(values(started)).containsExactly(2.0, 0.0, 0.0, 1.0);
        assertThat(started.points()).extracting(Point::status).containsOnly(Point.Status.VALUE);
        assertThat(started.points()).extracting(Point::partial).containsExactly(false, false, false, true);
        assertThat(values(tested)).containsExactly(0.0, 1.0, 1.0, 1.0);
    }

    @Test
    void reportingTimeMedianAndP90PerPeriod() {
        KpiSeries median = ENGINE.reportingTimeMedian(PERIODS, INCIDENTS);
        KpiSeries p90 = ENGINE.reportingTimeP90(PERIODS, INCIDENTS);

        // January: 1, 2, 4, 10 hours; March: 3, 5; April: 1.
        assertThat(values(median)).containsExactly(2.0, null, 3.0, 1.0);
        assertThat(values(p90)).containsExactly(10.0, null, 5.0, 1.0);
        assertThat(median.points()).extracting(Point::sampleSize).containsExactly(4L, 0L, 2L, 1L);
        assertThat(median.points().get(1).status()).isEqualTo(Point.Status.NO_DATA);
        assertThat(median.direction()).isEqualTo(Direction.DOWN);
    }

    @Test
    void timeToResolveAndToInsightAreMeansByTheEndingEvent() {
        KpiSeries resolve = ENGINE.timeToResolve(PERIODS, INCIDENTS);
        KpiSeries insight = ENGINE.timeToInsight(PERIODS, INCIDENTS);

        // resolved: Jan 26h, 2h; Jan 12 + 50h = Jan 14; Mar 24h, 48h; Apr 5h
        assertThat(values(resolve)).containsExactly((26 + 50 + 2) / 3.0, null, 36.0, 5.0);
        // first learning: Jan 10, 30, 1; Mar 4, 6; Apr 3
        assertThat(values(insight)).containsExactly(41 / 3.0, null, 5.0, 3.0);
    }

    @Test
    void aDurationEndingBeforeDiscoveryCountsAsZero() {
        IncidentFact backDated = new IncidentFact(at("2026-01-10T10:00:00Z"), at("2026-01-10T08:00:00Z"), null, null,
                false, null, null, null);

        assertThat(values(ENGINE.reportingTimeMedian(PERIODS, List.of(backDated)))).containsExactly(0.0, null, null,
                null);
    }

    @Test
    void recurrenceRateIsTheShareOfRepeatsAmongTheFailuresOfThePeriod() {
        KpiSeries rate = ENGINE.recurrenceRate(PERIODS, INCIDENTS);

        assertThat(values(rate)).containsExactly(0.5, null, 0.5, 0.0);
        assertThat(rate.points()).extracting(Point::sampleSize).containsExactly(4L, 0L, 2L, 1L);
    }

    @Test
    void twentyFourHourComplianceCountsOnlyDecidedIncidents() {
        KpiSeries compliance = ENGINE.twentyFourHourCompliance(PERIODS, INCIDENTS);

        assertThat(values(compliance)).containsExactly(0.75, null, 1.0, null);
        assertThat(compliance.points()).extracting(Point::sampleSize).containsExactly(4L, 0L, 1L, 0L);
    }

    @Test
    void actionItemsOpenedClosedAndVerified() {
        List<ActionFact> actions = List.of(
                new ActionFact(at("2026-01-06T10:00:00Z"), at("2026-01-20T10:00:00Z"), at("2026-03-01T10:00:00Z")),
                new ActionFact(at("2026-01-13T10:00:00Z"), at("2026-03-05T10:00:00Z"), null),
                new ActionFact(at("2026-03-12T10:00:00Z"), null, null),
                new ActionFact(at("2026-04-01T10:00:00Z"), at("2026-04-02T10:00:00Z"), null));

        assertThat(values(ENGINE.actionsOpened(PERIODS, actions))).containsExactly(2.0, 0.0, 1.0, 1.0);
        assertThat(values(ENGINE.actionsClosed(PERIODS, actions))).containsExactly(1.0, 0.0, 1.0, 1.0);
        assertThat(values(ENGINE.actionsVerifiedEffective(PERIODS, actions))).containsExactly(0.0, 0.0, 1.0, 0.0);
    }

    @Test
    void failureMixStacksEveryTypeAndCategoryPerPeriod() {
        Map<FailureType, KpiSeries> types = ENGINE.failureTypeMix(PERIODS, INCIDENTS);
        Map<FailureCategory, KpiSeries> categories = ENGINE.failureCategoryMix(PERIODS, INCIDENTS);

        assertThat(types.keySet()).containsExactly(FailureType.values());
        assertThat(values(types.get(FailureType.BASIC))).containsExactly(2.0, 0.0, 0.0, 0.0);
        assertThat(values(types.get(FailureType.COMPLEX))).containsExactly(1.0, 0.0, 1.0, 0.0);
        assertThat(values(types.get(FailureType.INTELLIGENT))).containsExactly(1.0, 0.0, 0.0, 1.0);
        assertThat(categories.keySet()).containsExactly(FailureCategory.values());
        assertThat(values(categories.get(FailureCategory.PROCESS_DEVIATION))).containsExactly(2.0, 0.0, 0.0, 0.0);
        assertThat(values(categories.get(FailureCategory.OTHER))).containsExactly(0.0, 0.0, 0.0, 0.0);
        assertThat(types.get(FailureType.BASIC).kpi()).isEqualTo(Kpi.FAILURE_TYPE_MIX);
    }

    @Test
    void sharingScoreIsHiddenBelowTheThreshold() {
        List<PulseAnswer> answers = new ArrayList<>();
        for (int score : new int[] {5, 4, 4, 3, 1}) { // January: 5 answers, 3 favourable
            answers.add(new PulseAnswer(at("2026-01-15T10:00:00Z"), score));
        }
        for (int score : new int[] {5, 5, 5, 5}) { // March: only 4
            answers.add(new PulseAnswer(at("2026-03-15T10:00:00Z"), score));
        }

        KpiSeries score = ENGINE.sharingScore(PERIODS, answers);

        assertThat(values(score)).containsExactly(0.6, null, null, null);
        assertThat(score.points()).extracting(Point::status).containsExactly(Point.Status.VALUE,
                Point.Status.NO_DATA, Point.Status.NOT_ENOUGH_ANSWERS, Point.Status.NO_DATA);
        assertThat(new KpiEngine(6).sharingScore(PERIODS, answers).points().get(0).status())
                .isEqualTo(Point.Status.NOT_ENOUGH_ANSWERS);
    }

    @Test
    void sharingThresholdBelowFiveIsRefused() {
        assertThatThrownBy(() -> new KpiEngine(4)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 5");
        assertThat(new KpiEngine(7).sharingMinAnswers()).isEqualTo(7);
        assertThatThrownBy(() -> new PulseAnswer(Instant.EPOCH, 6)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PulseAnswer(Instant.EPOCH, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aggregatesFromADatabaseGiveTheSameSeriesAsFacts() {
        Period january = PERIODS.all().get(0);
        Period march = PERIODS.all().get(2);

        assertThat(ENGINE.counts(Kpi.HYPOTHESES_TESTED, PERIODS, Map.of(january, 3L)).points())
                .extracting(Point::value).containsExactly(3.0, 0.0, 0.0, 0.0);
        assertThat(ENGINE.shares(Kpi.RECURRENCE_RATE, PERIODS, Map.of(january, new Share(2, 4), march,
                new Share(1, 2), PERIODS.all().get(3), new Share(0, 1))))
                .isEqualTo(ENGINE.recurrenceRate(PERIODS, INCIDENTS));
        List<Duration> reverse = new ArrayList<>(List.of(Duration.ofHours(1), Duration.ofHours(10),
                Duration.ofHours(2), Duration.ofHours(4)));
        Collections.reverse(reverse);
        assertThat(ENGINE.durations(Kpi.REPORTING_TIME_P90, PERIODS, Map.of(january, reverse)).points().get(0)
                .value()).isEqualTo(10.0);
        assertThat(ENGINE.shares(Kpi.SHARING_SCORE, PERIODS, Map.of(january, new Share(2, 4))).points().get(0)
                .status()).isEqualTo(Point.Status.NOT_ENOUGH_ANSWERS);
    }

    @Test
    void aggregatesAreChecked() {
        Period january = PERIODS.all().get(0);

        assertThatThrownBy(() -> ENGINE.counts(Kpi.RECURRENCE_RATE, PERIODS, Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ENGINE.durations(Kpi.EXPERIMENTS_STARTED, PERIODS, Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ENGINE.counts(Kpi.EXPERIMENTS_STARTED, PERIODS, Map.of(january, -1L)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Share(3, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ENGINE.durations(Kpi.TIME_TO_RESOLVE, PERIODS,
                Map.of(january, List.of(Duration.ofHours(-1))))).isInstanceOf(IllegalArgumentException.class);
    }
}
