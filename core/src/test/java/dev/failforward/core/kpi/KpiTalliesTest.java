package dev.failforward.core.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.failforward.core.incident.FailureCategory;
import dev.failforward.core.incident.FailureType;
import dev.failforward.core.incident.RuleResult;
import dev.failforward.core.record.ActionItem;
import dev.failforward.core.record.ActionStatus;
import dev.failforward.core.record.ActionType;
import dev.failforward.core.record.CheckInResult;
import dev.failforward.core.record.FailureRecord;
import dev.failforward.core.record.Learning;
import dev.failforward.core.record.LearningKind;
import dev.failforward.core.record.RecordKind;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The stored-aggregate path (events per record, summed per UTC month, corrected by the windows of each local period)
 * gives the same KPIs as the fact path over the same records, in zones east and west of UTC, with half-hour offsets
 * and DST, by month and by quarter.
 */
class KpiTalliesTest {

    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    private static final KpiEngine ENGINE = KpiEngine.defaults();
    private static final KpiEvents EVENTS = KpiEvents.defaults();

    private record Data(List<List<KpiEvent>> events, List<IncidentFact> incidents, List<ExperimentFact> experiments,
                        List<ActionFact> actions) {
    }

    /** 600 records over two years, with times clustered around midnight so the zone boundaries matter. */
    private static Data data() {
        Random random = new Random(42);
        List<List<KpiEvent>> events = new ArrayList<>();
        List<IncidentFact> incidents = new ArrayList<>();
        List<ExperimentFact> experiments = new ArrayList<>();
        List<ActionFact> actions = new ArrayList<>();
        Instant start = Instant.parse("2024-11-01T00:00:00Z");
        for (int i = 1; i <= 600; i++) {
            long day = random.nextInt(700);
            // within three hours either side of a UTC midnight, often on a month boundary
            Instant at = start.plus(Duration.ofDays(day)).plus(Duration.ofMinutes(random.nextInt(360) - 180));
            FailureRecord.Builder builder = FailureRecord.builder().issueId(i).issueKey("OPS-" + i)
                    .summary("record " + i).status("Open").createdAt(at).updatedAt(at);
            List<Learning> learnings = new ArrayList<>();
            List<ActionItem> items = new ArrayList<>();
            if (i % 2 == 0) {
                Instant started = random.nextInt(5) == 0 ? null : at;
                Instant decided = started != null && random.nextBoolean()
                        ? at.plus(Duration.ofDays(random.nextInt(40))) : null;
                builder.kind(RecordKind.EXPERIMENT).startedAt(started).decidedAt(decided);
                experiments.add(new ExperimentFact(started, decided));
            } else {
                Instant reported = at.plus(Duration.ofMinutes(random.nextInt(3000)));
                Instant resolved = random.nextBoolean() ? at.plus(Duration.ofMinutes(random.nextInt(20000))) : null;
                FailureType type = random.nextInt(4) == 0 ? null : FailureType.values()[random.nextInt(3)];
                FailureCategory category = random.nextInt(4) == 0 ? null
                        : FailureCategory.values()[random.nextInt(FailureCategory.values().length)];
                boolean recurrence = random.nextInt(3) == 0;
                builder.kind(RecordKind.INCIDENT).discoveredAt(at).reportedAt(reported).resolvedAt(resolved)
                        .failureType(type).failureCategory(category)
                        .recurrenceOf(recurrence ? Set.of("OPS-" + (i + 1000)) : Set.of());
                int learningCount = random.nextInt(5);
                for (int l = 0; l < learningCount; l++) {
                    learnings.add(new Learning(l + 1, i, "learned " + l, LearningKind.INSIGHT, "u",
                            at.plus(Duration.ofMinutes(random.nextInt(3000)))));
                }
                int actionCount = random.nextInt(4);
                for (int a = 0; a < actionCount; a++) {
                    Instant created = at.plus(Duration.ofMinutes(random.nextInt(3000)));
                    ActionStatus status = ActionStatus.values()[random.nextInt(3)];
                    CheckInResult result = status == ActionStatus.DONE && random.nextBoolean()
                            ? CheckInResult.EFFECTIVE : null;
                    Instant updated = created.plus(Duration.ofDays(random.nextInt(30)));
                    items.add(new ActionItem(a + 1, i, "do " + a, "u", created.atZone(ZoneOffset.UTC).toLocalDate(),
                            ActionType.PREVENT, status, null, result, null, created, updated, 0));
                    actions.add(new ActionFact(created, status == ActionStatus.OPEN ? null : updated,
                            result == null ? null : updated));
                }
                Instant firstLearning = learnings.stream().map(Learning::createdAt).min(Instant::compareTo).orElse(null);
                RuleResult rule = EVENTS.rule().evaluate(at, learnings.stream().map(Learning::createdAt).toList(),
                        items.stream().map(ActionItem::createdAt).toList(), NOW);
                incidents.add(new IncidentFact(at, reported, resolved, firstLearning, recurrence, type, category,
                        rule.status()));
            }
            events.add(EVENTS.of(builder.build(), learnings, items));
        }
        return new Data(events, incidents, experiments, actions);
    }

    /** What a store does: monthly UTC aggregates of all events, plus the events inside each period's windows. */
    private static PeriodTallies store(Periods periods, List<List<KpiEvent>> events) {
        Map<String, long[]> monthly = new HashMap<>();
        List<KpiEvent> all = events.stream().flatMap(List::stream).toList();
        for (KpiEvent event : all) {
            long[] total = monthly.computeIfAbsent(MonthSlices.utcMonth(event.at()) + "|" + event.metric().code()
                    + "|" + event.dim(), k -> new long[2]);
            total[0]++;
            total[1] += event.value();
        }
        PeriodTallies tallies = new PeriodTallies(periods);
        monthly.forEach((key, total) -> {
            String[] parts = key.split("\\|", -1);
            tallies.addMonth(Integer.parseInt(parts[0]), Metric.ofCode(parts[1]), parts[2], total[0], total[1]);
        });
        for (int i = 0; i < periods.size(); i++) {
            for (MonthSlices.Window window : tallies.slices().get(i).windows()) {
                for (KpiEvent event : all) {
                    if (!event.at().isBefore(window.from()) && event.at().isBefore(window.to())) {
                        tallies.addEvent(periods.all().get(i), event, window.sign());
                    }
                }
            }
        }
        return tallies;
    }

    @ParameterizedTest
    @ValueSource(strings = {"UTC", "Europe/Berlin", "Asia/Kolkata", "America/St_Johns", "Pacific/Kiritimati",
            "America/Los_Angeles"})
    void storedAggregatesGiveTheSameKpisAsTheFacts(String zoneId) {
        ZoneId zone = ZoneId.of(zoneId);
        Data data = data();
        for (Granularity granularity : Granularity.values()) {
            Periods periods = Periods.between(Instant.parse("2024-12-15T00:00:00Z"), Instant.parse("2026-09-15T00:00:00Z"),
                    granularity, zone, NOW);
            PeriodTallies tallies = store(periods, data.events());
            assertThat(ENGINE.series(Kpi.EXPERIMENTS_STARTED, tallies))
                    .isEqualTo(ENGINE.experimentsStarted(periods, data.experiments()));
            assertThat(ENGINE.series(Kpi.HYPOTHESES_TESTED, tallies))
                    .isEqualTo(ENGINE.hypothesesTested(periods, data.experiments()));
            assertThat(ENGINE.series(Kpi.RECURRENCE_RATE, tallies))
                    .isEqualTo(ENGINE.recurrenceRate(periods, data.incidents()));
            assertThat(ENGINE.series(Kpi.TWENTY_FOUR_HOUR_COMPLIANCE, tallies))
                    .isEqualTo(ENGINE.twentyFourHourCompliance(periods, data.incidents()));
            assertThat(ENGINE.series(Kpi.ACTIONS_OPENED, tallies)).isEqualTo(ENGINE.actionsOpened(periods, data.actions()));
            assertThat(ENGINE.series(Kpi.ACTIONS_CLOSED, tallies)).isEqualTo(ENGINE.actionsClosed(periods, data.actions()));
            assertThat(ENGINE.series(Kpi.ACTIONS_VERIFIED_EFFECTIVE, tallies))
                    .isEqualTo(ENGINE.actionsVerifiedEffective(periods, data.actions()));
            assertThat(ENGINE.mix(Kpi.FAILURE_TYPE_MIX, tallies, FailureType.class))
                    .isEqualTo(ENGINE.failureTypeMix(periods, data.incidents()));
            assertThat(ENGINE.mix(Kpi.FAILURE_CATEGORY_MIX, tallies, FailureCategory.class))
                    .isEqualTo(ENGINE.failureCategoryMix(periods, data.incidents()));
            // durations: means to the minute (events keep whole minutes); percentiles within half a bin
            assertClose(ENGINE.series(Kpi.TIME_TO_RESOLVE, tallies), ENGINE.timeToResolve(periods, data.incidents()), 1 / 60.0);
            assertClose(ENGINE.series(Kpi.TIME_TO_INSIGHT, tallies), ENGINE.timeToInsight(periods, data.incidents()), 1 / 60.0);
            assertClose(ENGINE.series(Kpi.REPORTING_TIME_MEDIAN, tallies),
                    ENGINE.reportingTimeMedian(periods, data.incidents()), -1);
            assertClose(ENGINE.series(Kpi.REPORTING_TIME_P90, tallies),
                    ENGINE.reportingTimeP90(periods, data.incidents()), -1);
        }
    }

    /** Half the {@link DurationBins} width at {@code hours}: how far a binned percentile may be off. */
    private static double halfBin(double hours) {
        double minutes = hours * 60;
        double width = minutes < 60 ? 1 : minutes < 360 ? 5 : minutes < 2880 ? 30 : minutes < 43200 ? 360 : 1440;
        return width / 2 / 60.0 + 1 / 60.0;
    }

    /** {@code hours} < 0: within half a bin (plus the minute the events truncate). */
    private static void assertClose(KpiSeries stored, KpiSeries facts, double hours) {
        assertThat(stored.points()).hasSameSizeAs(facts.points());
        for (int i = 0; i < facts.points().size(); i++) {
            Point expected = facts.points().get(i);
            Point actual = stored.points().get(i);
            assertThat(actual.status()).isEqualTo(expected.status());
            assertThat(actual.sampleSize()).isEqualTo(expected.sampleSize());
            if (expected.hasValue()) {
                assertThat(actual.value()).as(expected.period().toString()).isCloseTo(expected.value(),
                        within(hours < 0 ? halfBin(expected.value()) : hours));
            }
        }
    }
}
