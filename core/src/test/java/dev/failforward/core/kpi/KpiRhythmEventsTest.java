package dev.failforward.core.kpi;

import dev.failforward.core.record.ActionItem;
import dev.failforward.core.record.ActionStatus;
import dev.failforward.core.record.ActionType;
import dev.failforward.core.record.CheckInResult;
import dev.failforward.core.record.FailureRecord;
import dev.failforward.core.record.RecordKind;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The events behind the rhythm KPIs: a check-in (at its date; 1 when verified effective by the end of that day in the
 * last zone to reach it) and the learnings a failure taught that were reused later (at the failure's time).
 */
class KpiRhythmEventsTest {

    private static final KpiEvents EVENTS = KpiEvents.defaults();
    private static final LocalDate CHECK_IN = LocalDate.of(2026, 11, 10);
    private static final Instant DAY_START = Instant.parse("2026-11-10T00:00:00Z");

    private static ActionItem item(LocalDate checkIn, ActionStatus status, CheckInResult result, Instant updated) {
        Instant created = Instant.parse("2026-10-01T09:00:00Z");
        return new ActionItem(1, 7, "add jitter to retries", "u", LocalDate.of(2026, 11, 1), ActionType.PREVENT,
                status, checkIn, result, null, created, updated, 0);
    }

    private static List<KpiEvent> checkIns(ActionItem item) {
        return EVENTS.actionEvents(item).stream().filter(e -> e.metric() == Metric.ACTION_CHECK_IN).toList();
    }

    @Test
    void aCheckInIsOnTimeUntilTheEndOfItsDayInTheLastZone() {
        assertThat(checkIns(item(CHECK_IN, ActionStatus.DONE, CheckInResult.EFFECTIVE,
                Instant.parse("2026-11-09T12:00:00Z")))).containsExactly(new KpiEvent(Metric.ACTION_CHECK_IN, "",
                DAY_START, 1));
        // 23:59 on the 10th in UTC-12 is 11:59 UTC on the 11th
        assertThat(checkIns(item(CHECK_IN, ActionStatus.DONE, CheckInResult.EFFECTIVE,
                Instant.parse("2026-11-11T11:59:00Z")))).extracting(KpiEvent::value).containsExactly(1L);
        assertThat(checkIns(item(CHECK_IN, ActionStatus.DONE, CheckInResult.EFFECTIVE,
                Instant.parse("2026-11-11T12:00:00Z")))).extracting(KpiEvent::value).as("late").containsExactly(0L);
        assertThat(checkIns(item(CHECK_IN, ActionStatus.DONE, CheckInResult.PARTLY,
                Instant.parse("2026-11-09T12:00:00Z")))).extracting(KpiEvent::value).as("not effective")
                .containsExactly(0L);
        assertThat(checkIns(item(CHECK_IN, ActionStatus.OPEN, null, Instant.parse("2026-11-09T12:00:00Z"))))
                .extracting(KpiEvent::value).as("not checked").containsExactly(0L);
        assertThat(checkIns(item(null, ActionStatus.OPEN, null, Instant.parse("2026-11-09T12:00:00Z"))))
                .as("no check-in planned, nothing to count").isEmpty();
    }

    @Test
    void aFailureCarriesHowManyOfItsLearningsWereReusedAtItsOwnTime() {
        Instant discovered = Instant.parse("2026-10-14T09:00:00Z");
        FailureRecord incident = FailureRecord.builder().issueId(7).issueKey("OPS-7").kind(RecordKind.INCIDENT)
                .summary("checkout down").status("Reported").createdAt(discovered).updatedAt(discovered)
                .discoveredAt(discovered).build();
        assertThat(EVENTS.recordEvents(incident, List.of(), List.of(), 3).stream()
                .filter(e -> e.metric() == Metric.LEARNINGS_REUSED))
                .containsExactly(new KpiEvent(Metric.LEARNINGS_REUSED, "", discovered, 3));

        Instant decided = Instant.parse("2026-10-20T09:00:00Z");
        FailureRecord.Builder experiment = FailureRecord.builder().issueId(8).issueKey("OPS-8")
                .kind(RecordKind.EXPERIMENT).summary("new onboarding").status("Running").createdAt(discovered)
                .updatedAt(discovered).startedAt(discovered);
        assertThat(EVENTS.recordEvents(experiment.build(), List.of(), List.of(), 2))
                .as("an experiment teaches once decided").noneMatch(e -> e.metric() == Metric.LEARNINGS_REUSED);
        assertThat(EVENTS.recordEvents(experiment.decidedAt(decided).build(), List.of(), List.of(), 2).stream()
                .filter(e -> e.metric() == Metric.LEARNINGS_REUSED))
                .containsExactly(new KpiEvent(Metric.LEARNINGS_REUSED, "", decided, 2));
        assertThatThrownBy(() -> EVENTS.recordEvents(incident, List.of(), List.of(), -1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
