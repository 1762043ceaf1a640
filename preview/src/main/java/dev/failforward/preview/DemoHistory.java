package dev.failforward.preview;

import com.atlassian.activeobjects.external.ActiveObjects;
import dev.failforward.core.experiment.Decision;
import dev.failforward.core.experiment.Outcome;
import dev.failforward.core.experiment.Phase;
import dev.failforward.core.incident.FailureCategory;
import dev.failforward.core.incident.FailureType;
import dev.failforward.core.record.ActionItem;
import dev.failforward.core.record.ActionItemRepository;
import dev.failforward.core.record.ActionStatus;
import dev.failforward.core.record.ActionType;
import dev.failforward.core.record.CheckInResult;
import dev.failforward.core.record.FailureRecord;
import dev.failforward.core.record.FailureRecordRepository;
import dev.failforward.core.record.Learning;
import dev.failforward.core.record.LearningKind;
import dev.failforward.core.record.LearningRepository;
import dev.failforward.core.record.RecordKind;
import dev.failforward.core.record.SourcePage;
import dev.failforward.jira.persistence.KpiIndex;
import dev.failforward.jira.persistence.PulseCountEntity;
import dev.failforward.jira.pulse.PulseService;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;

/**
 * Two years of history for the culture dashboard: experiments and incidents of the three demo teams, month by month up
 * to today, with the trends a team adopting intelligent failure would show — more experiments started, failures
 * reported sooner, fewer repeats, more of the 24-hour rule met, basic failures giving way to intelligent ones, more
 * action items closed and verified — and two years of pulse answers that grow more comfortable. Deterministic (fixed
 * seed), relative to the clock, so the charts look the same on every machine.
 *
 * <p>Written straight into the repositories like {@link DemoData}; the KPI tables get the records' events in one bulk
 * write (applied from the record change log, {@link KpiIndex#drain}) and the pulse its counts (as its service stores answers: counts only).
 */
final class DemoHistory {

    static final int MONTHS = 24;
    /** Issue ids of the history start here (the hand-written demo rows use 10101..10304). */
    static final long FIRST_ID = 20_000;
    private static final List<String> PROJECTS = List.of("OPS", "GROWTH", "CARE");
    /** Who owns the history's action items (no random draw: the history stays the same). */
    private static final List<String> HISTORY_OWNERS = List.of("anna", "ben", "kim");
    private static final String[] EXPERIMENTS = {
            "If we add a smoke test to the release pipeline, then failed releases drop below 1 in 20",
            "If we send a reminder two days before renewal, then renewals rise by 5 points",
            "If we run a 10-minute safety huddle at shift change, then handover errors halve",
            "If we cache search results for 60 seconds, then p95 latency falls under 300 ms",
            "If we offer a guided tour to new users, then week-one activation rises above 40%"};
    private static final String[] INCIDENTS = {"Deploy rolled back", "Report sent with stale data",
            "Medication round delayed", "Payment retries piled up", "Signup form rejected valid emails",
            "Backup job timed out", "Alert fired too late"};
    private static final String[] LEARNINGS = {"The checklist had no owner", "Nobody watched the dashboard at night",
            "The test data did not look like production", "We found out from a customer, not from monitoring",
            "Two teams assumed the other one would call", "The fix worked because we tried it small first"};

    private DemoHistory() {
    }

    /** Writes the history; returns how many records it wrote. */
    static int load(FailureRecordRepository records, LearningRepository learnings, ActionItemRepository actions,
                    KpiIndex kpis, ActiveObjects ao, Instant now, Function<FailureRecord, SourcePage> retroPage) {
        Random random = new Random(2026);
        LocalDate thisMonth = now.atZone(ZoneOffset.UTC).toLocalDate().withDayOfMonth(1);
        List<KpiIndex.Snapshot> snapshots = new ArrayList<>();
        Map<String, Integer> numbers = new HashMap<>();
        Map<String, List<String>> earlierIncidents = new HashMap<>();
        long id = FIRST_ID;
        for (int m = 0; m < MONTHS; m++) {
            LocalDate month = thisMonth.minusMonths(MONTHS - 1 - m);
            double t = m / (double) (MONTHS - 1);
            for (String project : PROJECTS) {
                int experiments = (int) Math.round(1 + 3 * t + random.nextDouble());
                for (int e = 0; e < experiments; e++) {
                    Instant started = within(month, random, now);
                    if (started == null) {
                        continue;
                    }
                    String key = project + "-" + (numbers.merge(project, 1, Integer::sum) + 200);
                    FailureRecord record = records.upsert(experiment(id++, key, started, random, now));
                    snapshots.add(new KpiIndex.Snapshot(record, retro(record, learnings, retroPage, now), List.of()));
                }
                int incidents = 2 + random.nextInt(2);
                for (int i = 0; i < incidents; i++) {
                    Instant discovered = within(month, random, now);
                    if (discovered == null) {
                        continue;
                    }
                    String key = project + "-" + (numbers.merge(project, 1, Integer::sum) + 200);
                    List<String> earlier = earlierIncidents.computeIfAbsent(project, p -> new ArrayList<>());
                    boolean repeat = !earlier.isEmpty() && random.nextDouble() < 0.38 - 0.3 * t;
                    FailureRecord record = records.upsert(incident(id++, key, discovered, t, random, now,
                            repeat ? earlier.get(random.nextInt(earlier.size())) : null));
                    earlier.add(key);
                    snapshots.add(items(record, t, random, now, learnings, actions, retroPage));
                }
            }
        }
        // every write above logged its change: apply them now, so the dashboard is complete when the preview opens
        kpis.drain();
        pulse(ao, thisMonth, random);
        return snapshots.size();
    }

    private static Instant within(LocalDate month, Random random, Instant now) {
        Instant at = month.atStartOfDay(ZoneOffset.UTC).toInstant()
                .plus(Duration.ofMinutes(random.nextInt(28 * 24 * 60)));
        return at.isBefore(now.minus(Duration.ofHours(1))) ? at : null;
    }

    private static FailureRecord experiment(long id, String key, Instant started, Random random, Instant now) {
        Instant decided = started.plus(Duration.ofDays(14 + random.nextInt(30)));
        boolean done = decided.isBefore(now);
        FailureRecord.Builder builder = FailureRecord.builder().issueId(id).issueKey(key).kind(RecordKind.EXPERIMENT)
                .summary("Experiment " + key).hypothesis(EXPERIMENTS[random.nextInt(EXPERIMENTS.length)])
                .status(done ? "Decided" : "Running").phase(Phase.values()[random.nextInt(3)])
                .createdAt(started.minus(Duration.ofDays(3))).updatedAt(done ? decided : started).startedAt(started)
                .successCriteria("conversion > 5%").stopCriteria("spend over 5000");
        if (done) {
            builder.decidedAt(decided).outcome(Outcome.values()[random.nextInt(Outcome.values().length)])
                    .decision(Decision.values()[random.nextInt(Decision.values().length)]);
        }
        return builder.build();
    }

    private static FailureRecord incident(long id, String key, Instant discovered, double t, Random random, Instant now,
                                          String repeats) {
        // reporting gets faster: a median of ~30 h two years ago, ~3 h now, with a long tail
        double hours = (30 * (1 - t) + 3) * Math.exp(random.nextGaussian() * 0.6);
        Instant reported = discovered.plus(Duration.ofMinutes((long) (hours * 60)));
        Instant resolved = reported.plus(Duration.ofHours(2 + random.nextInt(70)));
        double basic = 0.6 - 0.4 * t;
        double intelligent = 0.1 + 0.4 * t;
        double roll = random.nextDouble();
        FailureType type = roll < basic ? FailureType.BASIC
                : roll < basic + intelligent ? FailureType.INTELLIGENT : FailureType.COMPLEX;
        FailureCategory category = FailureCategory.values()[random.nextInt(FailureCategory.values().length)];
        boolean closed = resolved.isBefore(now);
        if (reported.isAfter(now)) {
            reported = now.minus(Duration.ofMinutes(5));
        }
        return FailureRecord.builder().issueId(id).issueKey(key).kind(RecordKind.INCIDENT)
                .summary(INCIDENTS[random.nextInt(INCIDENTS.length)] + " (" + key + ")")
                .status(closed ? "Closed" : "Analysing").createdAt(reported).updatedAt(closed ? resolved : reported)
                .discoveredAt(discovered).reportedAt(reported).resolvedAt(closed ? resolved : null)
                .failureType(type).failureCategory(category)
                .recurrenceOf(repeats == null ? Set.of() : Set.of(repeats)).build();
    }

    private static final String[] EXPERIMENT_LEARNINGS = {
            "The effect showed in the first week and then faded", "Our baseline month was unusual: a holiday fell in it",
            "The stop criterion fired before the success one could", "Users who noticed the change behaved differently",
            "Measuring it cost more effort than running it", "It worked for new users only"};

    /**
     * A decided experiment's retro: one to three learnings on its retro page, a few days after the decision. Drawn
     * from a random of its own, so the rest of the history (and the KPIs the tests know) stays as it was.
     */
    private static List<Learning> retro(FailureRecord record, LearningRepository learnings,
                                        Function<FailureRecord, SourcePage> retroPage, Instant now) {
        if (record.decidedAt() == null) {
            return List.of();
        }
        Random random = new Random(record.issueId());
        List<Learning> written = new ArrayList<>();
        int count = 1 + random.nextInt(3);
        for (int l = 0; l < count; l++) {
            written.add(learnings.add(new Learning.Draft(record.issueId(),
                    EXPERIMENT_LEARNINGS[random.nextInt(EXPERIMENT_LEARNINGS.length)],
                    l == 0 ? LearningKind.INSIGHT : LearningKind.values()[random.nextInt(LearningKind.values().length)],
                    "demo", min(record.decidedAt().plus(Duration.ofDays(1 + l)), now), retroPage.apply(record))));
        }
        return written;
    }

    /** Learnings and next steps: written within 24 hours more and more often; action items closed and checked. */
    private static KpiIndex.Snapshot items(FailureRecord record, double t, Random random, Instant now,
                                           LearningRepository learnings, ActionItemRepository actions,
                                           Function<FailureRecord, SourcePage> retroPage) {
        boolean fast = random.nextDouble() < 0.3 + 0.6 * t;
        Instant base = record.discoveredAt().plus(Duration.ofHours(fast ? 2 + random.nextInt(18) : 26 + random.nextInt(60)));
        List<Learning> written = new ArrayList<>();
        // the 24-hour rule asks for 3 learnings and 2 next steps; teams that learn fast write them all
        int learningCount = fast ? 3 : 1 + random.nextInt(3);
        for (int l = 0; l < learningCount; l++) {
            Instant at = min(base.plus(Duration.ofMinutes(10L * l)), now);
            // a team that learns fast holds the retro and writes its learnings there: they link to the retro page
            written.add(learnings.add(new Learning.Draft(record.issueId(), LEARNINGS[random.nextInt(LEARNINGS.length)],
                    LearningKind.values()[random.nextInt(LearningKind.values().length)], "demo", at,
                    fast ? retroPage.apply(record) : null)));
        }
        List<ActionItem> items = new ArrayList<>();
        int actionCount = fast ? 2 : 1 + random.nextInt(2);
        for (int a = 0; a < actionCount; a++) {
            Instant created = min(base.plus(Duration.ofMinutes(30L + 10L * a)), now);
            LocalDate due = created.atZone(ZoneOffset.UTC).toLocalDate().plusDays(14);
            // the team owns the history's steps (not the preview user, whose "My follow-ups" shows DemoData's own)
            String owner = HISTORY_OWNERS.get((int) Math.floorMod(record.issueId() + a, (long) HISTORY_OWNERS.size()));
            ActionItem item = actions.add(new ActionItem.Draft(record.issueId(), "Next step " + (a + 1) + " for "
                    + record.issueKey(), owner, due, ActionType.values()[random.nextInt(ActionType.values().length)],
                    due.plusDays(30), created));
            Instant closed = created.plus(Duration.ofDays(5 + random.nextInt(20)));
            if (closed.isBefore(now) && random.nextDouble() < 0.5 + 0.4 * t) {
                boolean checked = due.plusDays(30).atStartOfDay(ZoneOffset.UTC).toInstant().isBefore(now)
                        && random.nextDouble() < 0.4 + 0.4 * t;
                item = actions.update(new ActionItem(item.id(), item.recordIssueId(), item.description(),
                        item.ownerKey(), item.dueDate(), item.type(), ActionStatus.DONE, item.checkInDate(),
                        checked ? CheckInResult.EFFECTIVE : null, checked ? "It held for a month" : null,
                        item.createdAt(), closed, item.version()));
            }
            items.add(item);
        }
        return new KpiIndex.Snapshot(record, written, items);
    }

    /** Pulse counts per project and month: 6 to 11 answers a finished month, comfort rising; 3 so far this month. */
    private static void pulse(ActiveObjects ao, LocalDate thisMonth, Random random) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int m = 0; m < MONTHS; m++) {
            LocalDate month = thisMonth.minusMonths(MONTHS - 1 - m);
            double t = m / (double) (MONTHS - 1);
            for (String project : PROJECTS) {
                long[] counts = new long[5];
                int people = month.equals(thisMonth) ? 3 : 6 + random.nextInt(6);
                for (int p = 0; p < people; p++) {
                    double comfort = random.nextDouble() + (0.5 * t - 0.15);
                    int score = comfort > 0.75 ? 5 : comfort > 0.5 ? 4 : comfort > 0.3 ? 3 : comfort > 0.1 ? 2 : 1;
                    counts[score - 1]++;
                }
                Map<String, Object> row = new HashMap<>();
                row.put(PulseCountEntity.COUNT_KEY, PulseService.countKey(project, month.toString()));
                row.put(PulseCountEntity.PROJECT_KEY, project);
                row.put(PulseCountEntity.PERIOD_START, month.toString());
                for (int s = 1; s <= 5; s++) {
                    row.put(PulseCountEntity.scoreColumn(s), counts[s - 1]);
                }
                rows.add(row);
            }
        }
        ao.create(PulseCountEntity.class, rows);
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
