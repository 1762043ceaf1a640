package dev.failforward.jira.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failforward.core.incident.FailureCategory;
import dev.failforward.core.incident.FailureType;
import dev.failforward.core.incident.RuleResult;
import dev.failforward.core.incident.TwentyFourHourRule;
import dev.failforward.core.kpi.ExperimentFact;
import dev.failforward.core.kpi.Granularity;
import dev.failforward.core.kpi.IncidentFact;
import dev.failforward.core.kpi.Kpi;
import dev.failforward.core.kpi.KpiEngine;
import dev.failforward.core.kpi.Metric;
import dev.failforward.core.kpi.PeriodTallies;
import dev.failforward.core.kpi.Periods;
import dev.failforward.core.kpi.Point;
import dev.failforward.core.record.ActionItemCommand;
import dev.failforward.core.record.FailureRecord;
import dev.failforward.core.record.LearningCommand;
import dev.failforward.core.record.RecordKind;
import dev.failforward.host.ao.AtlassianTestTableNameConverter;
import dev.failforward.host.ao.EntityManagerActiveObjects;
import dev.failforward.host.cluster.LocalClusterLockService;
import net.java.ao.EntityManager;
import net.java.ao.atlassian.AtlassianFieldNameConverter;
import net.java.ao.atlassian.AtlassianIndexNameConverter;
import net.java.ao.atlassian.AtlassianSequenceNameConverter;
import net.java.ao.atlassian.AtlassianTriggerNameConverter;
import net.java.ao.atlassian.AtlassianUniqueNameConverter;
import net.java.ao.test.converters.NameConverters;
import net.java.ao.test.jdbc.Data;
import net.java.ao.test.jdbc.Jdbc;
import net.java.ao.test.junit.ActiveObjectsJUnitRunner;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The KPI tables on the real AO ORM (HSQLDB): events and monthly roll-ups follow every change of a record, its
 * learnings and action items, and the store's few queries give the KPIs the engine computes from the records' facts.
 */
@RunWith(ActiveObjectsJUnitRunner.class)
@Data(KpiSchema.class)
@Jdbc(TestJdbc.class)
@NameConverters(table = AtlassianTestTableNameConverter.class, field = AtlassianFieldNameConverter.class,
        index = AtlassianIndexNameConverter.class, sequence = AtlassianSequenceNameConverter.class,
        trigger = AtlassianTriggerNameConverter.class, unique = AtlassianUniqueNameConverter.class)
public class KpiIndexStoreTest {

    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Set<Metric> ALL = EnumSet.allOf(Metric.class);

    private EntityManager entityManager;
    private EntityManagerActiveObjects ao;
    private AoFailureRecordRepository records;
    private AoLearningRepository learnings;
    private AoActionItemRepository actions;
    private KpiIndex index;
    private KpiStore store;

    @Before
    public void setUp() {
        ao = new EntityManagerActiveObjects(entityManager);
        records = new AoFailureRecordRepository(ao);
        learnings = new AoLearningRepository(ao);
        actions = new AoActionItemRepository(ao);
        index = new KpiIndex(ao, records, learnings, actions, new LocalClusterLockService());
        store = new KpiStore(ao);
    }

    private Periods months(String from, String to) {
        return Periods.between(Instant.parse(from), Instant.parse(to), Granularity.MONTH, BERLIN, NOW);
    }

    private PeriodTallies tallies(Set<String> projects, Periods periods) {
        return store.tallies(projects, periods, ALL, NOW, TwentyFourHourRule.DEFAULT_WINDOW);
    }

    private static FailureRecord.Builder incident(long id, String key, Instant discovered) {
        return FailureRecord.builder().issueId(id).issueKey(key).kind(RecordKind.INCIDENT).summary("incident " + key)
                .status("Reported").createdAt(discovered).updatedAt(discovered).discoveredAt(discovered);
    }

    @Test
    public void storedRollupsGiveTheSameKpisAsTheFactsOfTheRecords() {
        Random random = new Random(7);
        List<IncidentFact> incidents = new ArrayList<>();
        List<ExperimentFact> experiments = new ArrayList<>();
        Instant start = Instant.parse("2025-12-01T00:00:00Z");
        long careExperiments = 0;
        for (int i = 1; i <= 120; i++) {
            // around midnight UTC, so Berlin's month boundaries cut through the data
            Instant at = start.plus(Duration.ofDays(random.nextInt(300))).plus(Duration.ofMinutes(random.nextInt(240) - 120));
            String key = (i % 3 == 0 ? "CARE-" : "OPS-") + i;
            if (i % 2 == 0) {
                careExperiments += i % 3 == 0 ? 1 : 0;
                Instant decided = random.nextBoolean() ? at.plus(Duration.ofDays(10)) : null;
                records.upsert(FailureRecord.builder().issueId(i).issueKey(key).kind(RecordKind.EXPERIMENT)
                        .summary("experiment").status("Running").createdAt(at).updatedAt(at).startedAt(at)
                        .decidedAt(decided).build());
                experiments.add(new ExperimentFact(at, decided));
            } else {
                Instant reported = at.plus(Duration.ofMinutes(random.nextInt(2000)));
                FailureType type = FailureType.values()[random.nextInt(3)];
                boolean recurrence = random.nextInt(4) == 0;
                records.upsert(incident(i, key, at).reportedAt(reported).failureType(type)
                        .failureCategory(FailureCategory.DATA_GAP)
                        .recurrenceOf(recurrence ? Set.of("OPS-999") : Set.of()).build());
                incidents.add(new IncidentFact(at, reported, null, null, recurrence, type, FailureCategory.DATA_GAP,
                        RuleResult.Status.MISSED));
            }
        }
        assertThat(index.drain()).as("one change row per record").isEqualTo(120);
        Periods periods = months("2025-12-01T00:00:00Z", "2026-10-31T00:00:00Z");
        PeriodTallies tallies = tallies(Set.of("OPS", "CARE"), periods);
        KpiEngine engine = KpiEngine.defaults();
        assertThat(engine.series(Kpi.EXPERIMENTS_STARTED, tallies)).isEqualTo(engine.experimentsStarted(periods, experiments));
        assertThat(engine.series(Kpi.HYPOTHESES_TESTED, tallies)).isEqualTo(engine.hypothesesTested(periods, experiments));
        assertThat(engine.series(Kpi.RECURRENCE_RATE, tallies)).isEqualTo(engine.recurrenceRate(periods, incidents));
        assertThat(engine.series(Kpi.TWENTY_FOUR_HOUR_COMPLIANCE, tallies))
                .isEqualTo(engine.twentyFourHourCompliance(periods, incidents));
        assertThat(engine.mix(Kpi.FAILURE_TYPE_MIX, tallies, FailureType.class))
                .isEqualTo(engine.failureTypeMix(periods, incidents));
        // the same store read for one project sees only that project's records
        long opsStarted = experiments.size() - careExperiments;
        assertThat(engine.series(Kpi.EXPERIMENTS_STARTED, tallies(Set.of("OPS"), periods)).points().stream()
                .mapToDouble(Point::value).sum()).isEqualTo((double) opsStarted);
    }

    /**
     * The edge roll-ups are kept in hour slices and only the slices a zone's windows touch are read: the KPIs must still
     * be exact for zones a whole hour, half an hour, three quarters of an hour and fourteen hours off UTC, east and
     * west, with daylight saving time, by month and by quarter, for events at every minute of the 26 edge hours.
     */
    @Test
    public void edgeHourSlicesGiveExactKpisInEveryKindOfZone() {
        Random random = new Random(11);
        List<ExperimentFact> experiments = new ArrayList<>();
        List<IncidentFact> incidents = new ArrayList<>();
        for (int i = 1; i <= 400; i++) {
            Instant monthStart = java.time.LocalDate.of(2025, 1, 1).plusMonths(random.nextInt(20))
                    .atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
            // anywhere from 14 hours before to 12 hours after a UTC month start, to the minute (one in ten elsewhere)
            Instant at = random.nextInt(10) == 0 ? monthStart.plus(Duration.ofDays(1 + random.nextInt(26)))
                    : monthStart.plus(Duration.ofMinutes(random.nextInt(26 * 60) - 14 * 60));
            if (i % 2 == 0) {
                records.upsert(FailureRecord.builder().issueId(i).issueKey("OPS-" + i).kind(RecordKind.EXPERIMENT)
                        .summary("experiment").status("Running").createdAt(at).updatedAt(at).startedAt(at).build());
                experiments.add(new ExperimentFact(at, null));
            } else {
                FailureType type = FailureType.values()[random.nextInt(3)];
                records.upsert(incident(i, "CARE-" + i, at).reportedAt(at.plus(Duration.ofMinutes(5)))
                        .failureType(type).failureCategory(FailureCategory.DATA_GAP).build());
                incidents.add(new IncidentFact(at, at.plus(Duration.ofMinutes(5)), null, null, false, type,
                        FailureCategory.DATA_GAP, RuleResult.Status.MET));
            }
        }
        index.drain();
        KpiEngine engine = KpiEngine.defaults();
        for (String zoneId : List.of("UTC", "Europe/Berlin", "Asia/Kolkata", "Asia/Kathmandu", "America/St_Johns",
                "Pacific/Chatham", "Pacific/Kiritimati", "Pacific/Pago_Pago", "America/Los_Angeles")) {
            for (Granularity granularity : List.of(Granularity.MONTH, Granularity.QUARTER)) {
                Periods periods = Periods.between(Instant.parse("2024-12-15T00:00:00Z"),
                        Instant.parse("2026-09-15T00:00:00Z"), granularity, ZoneId.of(zoneId), NOW);
                PeriodTallies tallies = store.tallies(Set.of("OPS", "CARE"), periods, ALL, NOW,
                        TwentyFourHourRule.DEFAULT_WINDOW);
                assertThat(engine.series(Kpi.EXPERIMENTS_STARTED, tallies)).as(zoneId + " " + granularity)
                        .isEqualTo(engine.experimentsStarted(periods, experiments));
                assertThat(engine.mix(Kpi.FAILURE_TYPE_MIX, tallies, FailureType.class)).as(zoneId + " " + granularity)
                        .isEqualTo(engine.failureTypeMix(periods, incidents));
            }
        }
    }

    /**
     * Every project, most projects (a user who may not browse one) and a few: the first two read the cross-project
     * roll-ups (the second takes the hidden project's away), the last reads project by project — all three must give
     * exactly the sum of the projects read one at a time.
     */
    @Test
    public void organisationWideReadsEqualTheSumOfTheProjects() {
        Random random = new Random(3);
        List<String> projects = List.of("A", "B", "C", "D", "E", "F");
        for (int i = 1; i <= 240; i++) {
            Instant at = Instant.parse("2025-12-01T00:00:00Z").plus(Duration.ofDays(random.nextInt(300)))
                    .plus(Duration.ofMinutes(random.nextInt(240) - 120));
            String key = projects.get(random.nextInt(projects.size())) + "-" + i;
            records.upsert(incident(i, key, at).reportedAt(at.plus(Duration.ofMinutes(random.nextInt(3000))))
                    .failureType(FailureType.values()[random.nextInt(3)]).build());
        }
        index.drain();
        Periods periods = months("2025-12-01T00:00:00Z", "2026-10-31T00:00:00Z");
        for (Set<String> asked : List.of(Set.copyOf(projects), Set.of("A", "B", "C", "D", "F"), Set.of("B", "E"))) {
            PeriodTallies sum = new PeriodTallies(periods);
            asked.forEach(project -> sum.addAll(tallies(Set.of(project), periods)));
            PeriodTallies read = tallies(asked, periods);
            for (var period : periods.all()) {
                for (Metric metric : EnumSet.of(Metric.INCIDENT_DISCOVERED, Metric.REPORTED, Metric.FAILURE_TYPE)) {
                    assertThat(read.byDim(period, metric)).as(asked + " " + period + " " + metric)
                            .isEqualTo(sum.byDim(period, metric));
                }
            }
        }
        // and the first two did read the cross-project rows: with those doubled, they are off, the third is not
        for (KpiRollupEntity row : ao.find(KpiRollupEntity.class, net.java.ao.Query.select().where(
                KpiRollupEntity.PROJECT_KEY + " = ?", KpiRollupEntity.ALL_PROJECTS))) {
            dev.failforward.core.kpi.MonthTallies doubled = dev.failforward.core.kpi.MonthTallies.decode(row.getTallies());
            doubled.addAll(dev.failforward.core.kpi.MonthTallies.decode(row.getTallies()));
            row.setTallies(doubled.encode());
            row.save();
        }
        var period = periods.all().get(3);
        long each = projects.stream().mapToLong(p -> tallies(Set.of(p), periods).total(period, Metric.REPORTED).count())
                .sum();
        long hidden = tallies(Set.of("E"), periods).total(period, Metric.REPORTED).count();
        assertThat(each).isPositive();
        assertThat(tallies(Set.copyOf(projects), periods).total(period, Metric.REPORTED).count()).isEqualTo(2 * each);
        assertThat(tallies(Set.of("A", "B", "C", "D", "F"), periods).total(period, Metric.REPORTED).count())
                .isEqualTo(2 * each - hidden);
        assertThat(tallies(Set.of("B", "E"), periods).total(period, Metric.REPORTED).count())
                .isEqualTo(tallies(Set.of("B"), periods).total(period, Metric.REPORTED).count() + hidden);
    }

    @Test
    public void aChangedRecordMovesItsContributionAndARemovedOneTakesItAway() {
        Instant march = Instant.parse("2026-03-10T12:00:00Z");
        records.upsert(incident(1, "OPS-1", march).failureType(FailureType.BASIC).build());
        index.drain();
        records.upsert(incident(1, "OPS-1", march).failureType(FailureType.BASIC).build());
        assertThat(index.drain()).as("nothing changed, nothing logged").isZero();
        Periods periods = months("2026-03-01T00:00:00Z", "2026-04-01T00:00:00Z");
        assertThat(tallies(Set.of("OPS"), periods).byDim(periods.all().get(0), Metric.FAILURE_TYPE))
                .containsOnlyKeys("BASIC");

        // reclassified and marked as a recurrence, then moved to another project
        records.upsert(incident(1, "OPS-1", march).failureType(FailureType.INTELLIGENT)
                .recurrenceOf(Set.of("OPS-7")).build());
        index.drain();
        PeriodTallies after = tallies(Set.of("OPS"), periods);
        assertThat(after.byDim(periods.all().get(0), Metric.FAILURE_TYPE)).containsOnlyKeys("INTELLIGENT");
        assertThat(after.total(periods.all().get(0), Metric.INCIDENT_DISCOVERED).sum()).isEqualTo(1);
        records.deleteByIssueId(1);
        records.upsert(incident(1, "CARE-1", march).failureType(FailureType.INTELLIGENT).build());
        index.drain();
        assertThat(tallies(Set.of("OPS"), periods).total(periods.all().get(0), Metric.INCIDENT_DISCOVERED).count())
                .isZero();
        assertThat(tallies(Set.of("CARE"), periods).total(periods.all().get(0), Metric.INCIDENT_DISCOVERED).count())
                .isEqualTo(1);

        records.deleteByIssueId(1);
        index.drain();
        assertThat(ao.count(KpiEventEntity.class, "ID > ?", 0)).isZero();
        assertThat(ao.count(KpiRollupEntity.class, "ID > ?", 0)).as("empty roll-ups are deleted").isZero();
    }

    @Test
    public void theTwentyFourHourRuleCountsOnlyOnceDecided() {
        Instant twoHoursAgo = NOW.minus(Duration.ofHours(2));
        records.upsert(incident(1, "OPS-1", twoHoursAgo).build());
        records.upsert(incident(2, "OPS-2", twoHoursAgo).build());
        index.drain();
        Periods periods = months("2026-11-01T00:00:00Z", "2026-11-21T00:00:00Z");
        assertThat(tallies(Set.of("OPS"), periods).total(periods.all().get(0), Metric.TWENTY_FOUR_HOUR_RULE).count())
                .as("both still pending").isZero();

        // OPS-2 meets the rule: three learnings and two next steps within the hour
        for (int i = 0; i < 3; i++) {
            learnings.add(new LearningCommand("learned " + i, "insight").toDraft(2, "u", twoHoursAgo.plusSeconds(60))
                    .value());
        }
        for (int i = 0; i < 2; i++) {
            actions.add(new ActionItemCommand("step " + i, "u", "2026-12-01", "prevent", null, null, null, null)
                    .toDraft(2, twoHoursAgo.plusSeconds(120)).value());
        }
        assertThat(index.drain()).as("five change rows").isEqualTo(5);
        PeriodTallies tallies = tallies(Set.of("OPS"), periods);
        assertThat(tallies.total(periods.all().get(0), Metric.TWENTY_FOUR_HOUR_RULE))
                .isEqualTo(new dev.failforward.core.kpi.Tally(1, 1));
        assertThat(tallies.total(periods.all().get(0), Metric.ACTION_OPENED).count()).isEqualTo(2);
        assertThat(tallies.total(periods.all().get(0), Metric.FIRST_LEARNING).sum()).isEqualTo(1);
    }

    @Test
    public void followUpsCountOnTimeOnlyOnceTheirCheckInDayIsOver() {
        Instant october = Instant.parse("2026-10-14T09:00:00Z");
        records.upsert(incident(1, "OPS-1", october).build());
        // effective, recorded the day before the check-in: on time
        checkIn("2026-11-10", "done", "effective", Instant.parse("2026-11-09T15:00:00Z"));
        // effective, but recorded five days after the check-in date: late
        checkIn("2026-11-10", "done", "effective", Instant.parse("2026-11-15T08:00:00Z"));
        // not effective, on time: a check-in done, but not a follow-up verified effective
        checkIn("2026-11-12", "done", "not_effective", Instant.parse("2026-11-12T08:00:00Z"));
        // never checked and its day is long over: counts as missed
        checkIn("2026-11-10", "open", null, october);
        // due today and the day ahead: not decided yet, left out
        checkIn("2026-11-21", "open", null, october);
        checkIn("2026-11-30", "open", null, october);
        index.drain();

        Periods periods = months("2026-11-01T00:00:00Z", "2026-11-21T00:00:00Z");
        PeriodTallies tallies = tallies(Set.of("OPS"), periods);
        assertThat(tallies.total(periods.all().get(0), Metric.ACTION_CHECK_IN))
                .isEqualTo(new dev.failforward.core.kpi.Tally(4, 1));
        assertThat(KpiEngine.defaults().series(Kpi.FOLLOW_UPS_EFFECTIVE_ON_TIME, tallies).points().get(0).value())
                .isEqualTo(0.25);
    }

    @Test
    public void learningsReusedLaterRaiseTheTeamLearningIndexOfTheirFailuresPeriod() {
        Instant october = Instant.parse("2026-10-14T09:00:00Z");
        records.upsert(incident(1, "OPS-1", october).build());
        records.upsert(incident(2, "OPS-2", october.plus(Duration.ofDays(2))).build());
        long first = learnings.add(new LearningCommand("retry storms need jitter", "insight")
                .toDraft(1, "u", october.plusSeconds(60)).value()).id();
        long second = learnings.add(new LearningCommand("alerts need an owner", "insight")
                .toDraft(1, "u", october.plusSeconds(90)).value()).id();
        index.drain();
        Periods periods = months("2026-10-01T00:00:00Z", "2026-10-21T00:00:00Z");
        assertThat(tallies(Set.of("OPS"), periods).total(periods.all().get(0), Metric.LEARNINGS_REUSED))
                .as("two failures, nothing reused yet").isEqualTo(new dev.failforward.core.kpi.Tally(2, 0));

        reuse(first, 1, "retro", "page:42");
        reuse(first, 1, "experiment", "OPS-9");
        reuse(second, 1, "incident", "OPS-12");
        index.recheck(List.of(1L));
        index.drain();

        PeriodTallies tallies = tallies(Set.of("OPS"), periods);
        assertThat(tallies.total(periods.all().get(0), Metric.LEARNINGS_REUSED))
                .as("OPS-1's two learnings were reused (one twice), OPS-2 has none")
                .isEqualTo(new dev.failforward.core.kpi.Tally(2, 2));
        assertThat(KpiEngine.defaults().series(Kpi.TEAM_LEARNING_INDEX, tallies).points().get(0).value())
                .isEqualTo(1.0);
    }

    /** An item created a month before {@code at} with this check-in date, then set to the status and result at it. */
    private void checkIn(String checkInDate, String status, String result, Instant at) {
        ActionItemCommand command = new ActionItemCommand("step due " + checkInDate, "u", "2026-11-01", "prevent",
                status, checkInDate, result, null);
        dev.failforward.core.record.ActionItem item = actions.add(command.toDraft(1, at.minus(Duration.ofDays(30)))
                .value());
        actions.update(command.applyTo(item, item.version(), at).value());
    }

    private void reuse(long learningId, long recordIssueId, String kind, String target) {
        java.util.Map<String, Object> row = new java.util.HashMap<>();
        row.put(LearningReuseEntity.REUSE_KEY, learningId + ":" + kind + ":" + target);
        row.put(LearningReuseEntity.LEARNING_ID, learningId);
        row.put(LearningReuseEntity.RECORD_ISSUE_ID, recordIssueId);
        row.put(LearningReuseEntity.PROJECT_KEY, "OPS");
        row.put(LearningReuseEntity.KIND, kind);
        row.put(LearningReuseEntity.TARGET, target);
        row.put(LearningReuseEntity.REUSED_AT, java.util.Date.from(NOW));
        ao.create(LearningReuseEntity.class, row);
    }
}
