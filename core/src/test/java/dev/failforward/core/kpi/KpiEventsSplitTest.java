package dev.failforward.core.kpi;

import dev.failforward.core.incident.FailureType;
import dev.failforward.core.record.ActionItem;
import dev.failforward.core.record.ActionStatus;
import dev.failforward.core.record.ActionType;
import dev.failforward.core.record.CheckInResult;
import dev.failforward.core.record.FailureRecord;
import dev.failforward.core.record.Learning;
import dev.failforward.core.record.LearningKind;
import dev.failforward.core.record.RecordKind;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A store reads a record's earliest learning and next-step times only, and one action item's events per changed item:
 * the record events from those plus every item's own events are exactly {@link KpiEvents#of}.
 */
class KpiEventsSplitTest {

    private static final KpiEvents EVENTS = KpiEvents.defaults();
    private static final Instant T0 = Instant.parse("2026-03-31T22:00:00Z");

    @Test
    void needsTheRulesMinimumsAndAtLeastOneLearning() {
        assertThat(EVENTS.learningTimesNeeded()).isEqualTo(3);
        assertThat(EVENTS.nextStepTimesNeeded()).isEqualTo(2);
        KpiEvents noLearningsNeeded = new KpiEvents(new dev.failforward.core.incident.TwentyFourHourRule(
                Duration.ofHours(24), 0, 0));
        assertThat(noLearningsNeeded.learningTimesNeeded()).isEqualTo(1);
        assertThat(noLearningsNeeded.nextStepTimesNeeded()).isZero();
    }

    @Test
    void recordEventsFromTheEarliestTimesPlusItemEventsEqualAllEvents() {
        Random random = new Random(7);
        for (int i = 1; i <= 2_000; i++) {
            Instant at = T0.plus(Duration.ofMinutes(random.nextInt(100_000) - 50_000));
            FailureRecord.Builder builder = FailureRecord.builder().issueId(i).issueKey("OPS-" + i)
                    .summary("record " + i).status("Open").createdAt(at).updatedAt(at);
            if (random.nextInt(3) == 0) {
                builder.kind(RecordKind.EXPERIMENT).startedAt(random.nextBoolean() ? at : null)
                        .decidedAt(random.nextBoolean() ? at.plus(Duration.ofDays(3)) : null);
            } else {
                builder.kind(RecordKind.INCIDENT).discoveredAt(random.nextInt(8) == 0 ? null : at)
                        .reportedAt(at.plus(Duration.ofMinutes(random.nextInt(500))))
                        .failureType(random.nextBoolean() ? FailureType.COMPLEX : null);
            }
            FailureRecord record = builder.build();
            List<Learning> learnings = new ArrayList<>();
            for (int l = random.nextInt(8); l > 0; l--) {
                // some before discovery (back-dated), many within the 24 hours, some after
                learnings.add(new Learning(l, i, "learned", LearningKind.INSIGHT, "u",
                        at.plus(Duration.ofMinutes(random.nextInt(3_000) - 300))));
            }
            List<ActionItem> actions = new ArrayList<>();
            for (int a = random.nextInt(6); a > 0; a--) {
                Instant created = at.plus(Duration.ofMinutes(random.nextInt(3_000) - 300));
                ActionStatus status = ActionStatus.values()[random.nextInt(ActionStatus.values().length)];
                actions.add(new ActionItem(a, i, "do", "u", LocalDate.of(2026, 5, 1), ActionType.PREVENT, status,
                        random.nextBoolean() ? LocalDate.of(2026, 5, 20) : null,
                        status == ActionStatus.DONE && random.nextBoolean() ? CheckInResult.EFFECTIVE : null, null,
                        created, created.plus(Duration.ofDays(random.nextInt(20))), 0));
            }
            List<Instant> earliestLearnings = learnings.stream().map(Learning::createdAt).sorted()
                    .limit(EVENTS.learningTimesNeeded()).toList();
            List<Instant> earliestSteps = actions.stream().map(ActionItem::createdAt).sorted()
                    .limit(EVENTS.nextStepTimesNeeded()).toList();
            List<KpiEvent> split = new ArrayList<>(EVENTS.recordEvents(record, earliestLearnings, earliestSteps));
            actions.forEach(action -> split.addAll(EVENTS.actionEvents(action)));

            Comparator<KpiEvent> order = Comparator.comparing((KpiEvent e) -> e.metric().code())
                    .thenComparing(KpiEvent::dim).thenComparing(KpiEvent::at).thenComparingLong(KpiEvent::value);
            assertThat(split).as("record %d", i).usingElementComparator(order)
                    .containsExactlyInAnyOrderElementsOf(EVENTS.of(record, learnings, actions));
        }
    }
}
