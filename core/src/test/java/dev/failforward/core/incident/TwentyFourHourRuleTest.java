package dev.failforward.core.incident;

import static dev.failforward.core.incident.RuleResult.Status.MET;
import static dev.failforward.core.incident.RuleResult.Status.MISSED;
import static dev.failforward.core.incident.RuleResult.Status.PENDING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TwentyFourHourRuleTest {

    private static final Instant DISCOVERED = Instant.parse("2026-05-04T08:00:00Z");
    private static final Instant DEADLINE = Instant.parse("2026-05-05T08:00:00Z");

    private final TwentyFourHourRule rule = TwentyFourHourRule.defaults();

    private static Instant at(double hours) {
        return DISCOVERED.plusSeconds(Math.round(hours * 3600));
    }

    private static List<Instant> times(double... hours) {
        return Arrays.stream(hours).mapToObj(TwentyFourHourRuleTest::at).toList();
    }

    @Test
    void metEarly() {
        RuleResult result = rule.evaluate(DISCOVERED, times(1, 2, 3), times(4, 5), at(6));

        assertThat(result).isEqualTo(new RuleResult(MET, DEADLINE, at(5), 3, 2));
    }

    @Test
    void metAtIsTheLaterOfTheNeededLearningAndNextStep() {
        RuleResult result = rule.evaluate(DISCOVERED, times(10, 1, 2), times(4, 3), at(12));

        assertThat(result.metAt()).isEqualTo(at(10));
        assertThat(result.status()).isEqualTo(MET);
    }

    @Test
    void extraItemsDoNotMoveMetAt() {
        RuleResult result = rule.evaluate(DISCOVERED, times(30, 1, 2, 3, 40), times(2, 1, 50), at(60));

        assertThat(result).isEqualTo(new RuleResult(MET, DEADLINE, at(3), 5, 3));
    }

    @Test
    void metExactlyAtTheDeadline() {
        RuleResult result = rule.evaluate(DISCOVERED, times(1, 2, 24), times(3, 4), at(25));

        assertThat(result).isEqualTo(new RuleResult(MET, DEADLINE, DEADLINE, 3, 2));
    }

    @Test
    void metLateIsMissedButShowsWhenItWasMet() {
        RuleResult result = rule.evaluate(DISCOVERED, times(1, 2, 30), times(3, 4), at(31));

        assertThat(result).isEqualTo(new RuleResult(MISSED, DEADLINE, at(30), 3, 2));
    }

    @Test
    void oneSecondLateIsMissed() {
        RuleResult result = rule.evaluate(DISCOVERED, times(1, 2, 3), List.of(at(1), DEADLINE.plusSeconds(1)),
                at(48));

        assertThat(result.status()).isEqualTo(MISSED);
        assertThat(result.metAt()).isEqualTo(DEADLINE.plusSeconds(1));
    }

    @Test
    void neverMetIsMissedWithoutMetAt() {
        RuleResult result = rule.evaluate(DISCOVERED, times(1, 2), times(3, 4, 5), at(24.5));

        assertThat(result).isEqualTo(new RuleResult(MISSED, DEADLINE, null, 2, 3));
    }

    @Test
    void pendingBeforeTheDeadline() {
        RuleResult result = rule.evaluate(DISCOVERED, times(1, 2), List.of(), at(5));

        assertThat(result).isEqualTo(new RuleResult(PENDING, DEADLINE, null, 2, 0));
    }

    @Test
    void stillPendingAtTheDeadlineItself() {
        assertThat(rule.evaluate(DISCOVERED, List.of(), List.of(), DEADLINE).status()).isEqualTo(PENDING);
        assertThat(rule.evaluate(DISCOVERED, List.of(), List.of(), DEADLINE.plusMillis(1)).status())
                .isEqualTo(MISSED);
    }

    @Test
    void itemsRecordedBeforeDiscoveryCountAsAtDiscovery() {
        List<Instant> early = List.of(DISCOVERED.minusSeconds(7_200), DISCOVERED.minusSeconds(3_600),
                DISCOVERED.minusSeconds(60));

        RuleResult result = rule.evaluate(DISCOVERED, early, early.subList(0, 2), at(1));

        assertThat(result).isEqualTo(new RuleResult(MET, DEADLINE, DISCOVERED, 3, 2));
    }

    @Test
    void windowIsConfigurable() {
        TwentyFourHourRule twoDays = new TwentyFourHourRule(Duration.ofHours(48), 3, 2);

        RuleResult result = twoDays.evaluate(DISCOVERED, times(1, 2, 30), times(3, 40), at(41));

        assertThat(result).isEqualTo(new RuleResult(MET, at(48), at(40), 3, 2));
        assertThat(twoDays.window()).isEqualTo(Duration.ofHours(48));
        assertThat(rule.evaluate(DISCOVERED, times(1, 2, 30), times(3, 40), at(41)).status()).isEqualTo(MISSED);
    }

    @Test
    void minimumsAreConfigurable() {
        TwentyFourHourRule one = new TwentyFourHourRule(Duration.ofHours(24), 1, 1);
        TwentyFourHourRule none = new TwentyFourHourRule(Duration.ofHours(24), 0, 0);

        assertThat(one.evaluate(DISCOVERED, times(2), times(7), at(8)).metAt()).isEqualTo(at(7));
        assertThat(none.evaluate(DISCOVERED, List.of(), List.of(), at(1)))
                .isEqualTo(new RuleResult(MET, DEADLINE, DISCOVERED, 0, 0));
    }

    @Test
    void inputsAreNotChanged() {
        List<Instant> learnings = new java.util.ArrayList<>(times(3, 1, 2));

        rule.evaluate(DISCOVERED, learnings, times(1, 1), at(4));

        assertThat(learnings).containsExactlyElementsOf(times(3, 1, 2));
    }

    @Test
    void invalidArgumentsAreRejected() {
        assertThatThrownBy(() -> new TwentyFourHourRule(Duration.ZERO, 3, 2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TwentyFourHourRule(Duration.ofHours(-1), 3, 2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TwentyFourHourRule(Duration.ofHours(1), -1, 2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> rule.evaluate(null, List.of(), List.of(), at(1)))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> rule.evaluate(DISCOVERED, null, List.of(), at(1)))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> rule.evaluate(DISCOVERED, Arrays.asList(at(1), null), List.of(), at(1)))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void resultIsConsistent() {
        assertThatThrownBy(() -> new RuleResult(MET, DEADLINE, null, 3, 2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RuleResult(MET, DEADLINE, DEADLINE.plusSeconds(1), 3, 2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RuleResult(PENDING, DEADLINE, DISCOVERED, 3, 2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RuleResult(MISSED, DEADLINE, DEADLINE, 3, 2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RuleResult(PENDING, DEADLINE, null, -1, 2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RuleResult(null, DEADLINE, null, 0, 0)).isInstanceOf(NullPointerException.class);
    }
}
