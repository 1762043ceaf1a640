package dev.failforward.core.kpi;

import dev.failforward.core.incident.RuleResult;
import dev.failforward.core.incident.TwentyFourHourRule;
import dev.failforward.core.record.ActionItem;
import dev.failforward.core.record.ActionStatus;
import dev.failforward.core.record.CheckInResult;
import dev.failforward.core.record.FailureRecord;
import dev.failforward.core.record.Learning;
import dev.failforward.core.record.RecordKind;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The {@link KpiEvent}s of one failure record with its learnings and action items: what a store keeps per record so
 * KPIs are sums over stored aggregates, never a pass over every record. Pure: the same inputs give the same events, so
 * a store can compare a record's new events with the stored ones and change nothing when they are equal.
 *
 * <ul>
 * <li>Experiments: started (at {@code startedAt}) and hypothesis tested (at {@code decidedAt}).</li>
 * <li>Incidents with a discovery time: discovered (value 1 when it repeats an earlier failure), the 24-hour rule
 * (value 1 when met), type and category when classified — all at discovery; reported, resolved and first learning,
 * each at its own time, with the minutes since discovery (zero when discovery was back-dated past it).</li>
 * <li>Action items of either kind: opened (at creation), closed (done or dropped; at the item's last change, the
 * closest the item keeps to "when it was closed") and verified effective (check-in result EFFECTIVE; at the check-in
 * date, 00:00 UTC, or the last change when that came first); and, when it has a check-in date, the check-in (at that
 * date, 00:00 UTC; value 1 when verified effective by the end of that day anywhere: its last change before
 * {@link #CHECK_IN_DEADLINE} after the date's start).</li>
 * <li>Failures (an incident at discovery, an experiment at its decision): how many of their learnings were reused
 * later (the value; one event per failure, so the team learning index is sum / count).</li>
 * </ul>
 * The 24-hour rule is evaluated as it will stand once its deadline has passed: met when learnings and next steps
 * reached the minimums in time, otherwise not. While the deadline is still ahead an unmet rule is not decided yet; the
 * store leaves those out (events of the last 24 hours with value 0), as {@link KpiEngine} does with PENDING.
 */
public final class KpiEvents {

    /**
     * From the start of a check-in date (00:00 UTC) to the end of that day in the last time zone to reach it (UTC-12):
     * a check-in recorded before then was on time wherever its owner works. An unverified check-in younger than this
     * is not decided yet.
     */
    public static final Duration CHECK_IN_DEADLINE = Duration.ofHours(36);

    private final TwentyFourHourRule rule;

    public KpiEvents(TwentyFourHourRule rule) {
        this.rule = Objects.requireNonNull(rule, "rule");
    }

    public static KpiEvents defaults() {
        return new KpiEvents(TwentyFourHourRule.defaults());
    }

    public TwentyFourHourRule rule() {
        return rule;
    }

    public List<KpiEvent> of(FailureRecord record, List<Learning> learnings, List<ActionItem> actions) {
        return of(record, learnings, actions, 0);
    }

    /** @param reusedLearnings how many of the record's learnings were reused later (cited, applied elsewhere) */
    public List<KpiEvent> of(FailureRecord record, List<Learning> learnings, List<ActionItem> actions,
                             int reusedLearnings) {
        Objects.requireNonNull(record, "record");
        List<KpiEvent> events = new ArrayList<>(recordEvents(record,
                learnings.stream().map(Learning::createdAt).toList(),
                actions.stream().map(ActionItem::createdAt).toList(), reusedLearnings));
        for (ActionItem action : actions) {
            events.addAll(actionEvents(action));
        }
        return List.copyOf(events);
    }

    /**
     * How many of a record's earliest learning times {@link #recordEvents} needs: the 24-hour rule's minimum, and at
     * least one for the first learning. A store reads only these, however many learnings a record has.
     */
    public int learningTimesNeeded() {
        return Math.max(1, rule.minLearnings());
    }

    /** How many of a record's earliest next-step (action item) creation times {@link #recordEvents} needs. */
    public int nextStepTimesNeeded() {
        return rule.minNextSteps();
    }

    /**
     * The events of the record itself, without its action items' own events. They depend on the learnings and next
     * steps only through their earliest times: pass at least the {@link #learningTimesNeeded()} earliest learning times
     * and the {@link #nextStepTimesNeeded()} earliest next-step times (more do no harm; fewer when fewer exist), in any
     * order. The events equal those {@link #of} gives for the record minus {@link #actionEvents} of every item.
     */
    public List<KpiEvent> recordEvents(FailureRecord record, List<Instant> learningTimes, List<Instant> nextStepTimes) {
        return recordEvents(record, learningTimes, nextStepTimes, 0);
    }

    /**
     * As {@link #recordEvents(FailureRecord, List, List)}, with how many of the record's learnings were reused later
     * (distinct learnings with at least one reuse).
     */
    public List<KpiEvent> recordEvents(FailureRecord record, List<Instant> learningTimes, List<Instant> nextStepTimes,
                                       int reusedLearnings) {
        Objects.requireNonNull(record, "record");
        if (reusedLearnings < 0) {
            throw new IllegalArgumentException("reusedLearnings must not be negative: " + reusedLearnings);
        }
        Objects.requireNonNull(learningTimes, "learningTimes");
        Objects.requireNonNull(nextStepTimes, "nextStepTimes");
        List<KpiEvent> events = new ArrayList<>();
        if (record.kind() == RecordKind.EXPERIMENT) {
            add(events, Metric.EXPERIMENT_STARTED, record.startedAt());
            add(events, Metric.HYPOTHESIS_TESTED, record.decidedAt());
            if (record.decidedAt() != null) {
                events.add(new KpiEvent(Metric.LEARNINGS_REUSED, "", record.decidedAt(), reusedLearnings));
            }
        } else if (record.discoveredAt() != null) {
            incident(record, learningTimes, nextStepTimes, events);
            events.add(new KpiEvent(Metric.LEARNINGS_REUSED, "", record.discoveredAt(), reusedLearnings));
        }
        return List.copyOf(events);
    }

    /** The events of one action item: opened, closed, verified effective, its check-in. */
    public List<KpiEvent> actionEvents(ActionItem action) {
        Objects.requireNonNull(action, "action");
        List<KpiEvent> events = new ArrayList<>(4);
        events.add(KpiEvent.of(Metric.ACTION_OPENED, action.createdAt()));
        if (action.status() != ActionStatus.OPEN) {
            events.add(KpiEvent.of(Metric.ACTION_CLOSED, action.updatedAt()));
        }
        if (action.checkInResult() == CheckInResult.EFFECTIVE) {
            Instant checkIn = action.checkInDate() == null ? action.updatedAt()
                    : action.checkInDate().atStartOfDay(ZoneOffset.UTC).toInstant();
            events.add(KpiEvent.of(Metric.ACTION_EFFECTIVE,
                    checkIn.isBefore(action.updatedAt()) ? checkIn : action.updatedAt()));
        }
        if (action.checkInDate() != null) {
            Instant due = action.checkInDate().atStartOfDay(ZoneOffset.UTC).toInstant();
            boolean onTime = action.checkInResult() == CheckInResult.EFFECTIVE
                    && action.updatedAt().isBefore(due.plus(CHECK_IN_DEADLINE));
            events.add(new KpiEvent(Metric.ACTION_CHECK_IN, "", due, onTime ? 1 : 0));
        }
        return List.copyOf(events);
    }

    private void incident(FailureRecord record, List<Instant> learningTimes, List<Instant> nextStepTimes,
                          List<KpiEvent> events) {
        Instant discovered = record.discoveredAt();
        events.add(new KpiEvent(Metric.INCIDENT_DISCOVERED, "", discovered, record.recurrenceOf().isEmpty() ? 0 : 1));
        Instant afterDeadline = discovered.plus(rule.window()).plusSeconds(1);
        RuleResult result = rule.evaluate(discovered, learningTimes, nextStepTimes, afterDeadline);
        events.add(new KpiEvent(Metric.TWENTY_FOUR_HOUR_RULE, "", discovered,
                result.status() == RuleResult.Status.MET ? 1 : 0));
        if (record.failureType() != null) {
            events.add(new KpiEvent(Metric.FAILURE_TYPE, record.failureType().name(), discovered, 1));
        }
        if (record.failureCategory() != null) {
            events.add(new KpiEvent(Metric.FAILURE_CATEGORY, record.failureCategory().name(), discovered, 1));
        }
        if (record.reportedAt() != null) {
            long minutes = minutes(discovered, record.reportedAt());
            events.add(new KpiEvent(Metric.REPORTED, Integer.toString(DurationBins.bin(minutes)),
                    record.reportedAt(), minutes));
        }
        if (record.resolvedAt() != null) {
            events.add(new KpiEvent(Metric.RESOLVED, "", record.resolvedAt(), minutes(discovered, record.resolvedAt())));
        }
        learningTimes.stream().min(Instant::compareTo).ifPresent(first ->
                events.add(new KpiEvent(Metric.FIRST_LEARNING, "", first, minutes(discovered, first))));
    }

    private static void add(List<KpiEvent> events, Metric metric, Instant at) {
        if (at != null) {
            events.add(KpiEvent.of(metric, at));
        }
    }

    private static long minutes(Instant from, Instant to) {
        return Math.max(0, Duration.between(from, to).toMinutes());
    }
}
