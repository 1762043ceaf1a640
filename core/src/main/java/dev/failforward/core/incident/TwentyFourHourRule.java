package dev.failforward.core.incident;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The 24-hour rule: within {@code window} (default 24 hours) of discovery a failure must carry at least
 * {@code minLearnings} learnings and {@code minNextSteps} next steps. Learning fast, while memories are fresh, matters
 * more than learning perfectly; the learning review refines them later.
 *
 * <p>The rule is met at the earliest instant both counts reached their minimum: the later of the
 * {@code minLearnings}-th earliest learning and the {@code minNextSteps}-th earliest next step. An item recorded before
 * discovery (discovery was back-dated) counts as recorded at discovery. MET when that instant is at or before the
 * deadline; MISSED when it is later or has not come and the deadline has passed; PENDING otherwise.
 */
public final class TwentyFourHourRule {

    public static final Duration DEFAULT_WINDOW = Duration.ofHours(24);

    private final Duration window;
    private final int minLearnings;
    private final int minNextSteps;

    public TwentyFourHourRule(Duration window, int minLearnings, int minNextSteps) {
        Objects.requireNonNull(window, "window");
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive: " + window);
        }
        if (minLearnings < 0 || minNextSteps < 0) {
            throw new IllegalArgumentException(
                    "minimums must not be negative: " + minLearnings + " learnings, " + minNextSteps + " next steps");
        }
        this.window = window;
        this.minLearnings = minLearnings;
        this.minNextSteps = minNextSteps;
    }

    /** 24 hours, 3 learnings, 2 next steps: the same minimums {@link IncidentRules#defaults()} asks for to close. */
    public static TwentyFourHourRule defaults() {
        return new TwentyFourHourRule(DEFAULT_WINDOW, IncidentRules.DEFAULT_MIN_LEARNINGS,
                IncidentRules.DEFAULT_MIN_NEXT_STEPS);
    }

    public Duration window() {
        return window;
    }

    public int minLearnings() {
        return minLearnings;
    }

    public int minNextSteps() {
        return minNextSteps;
    }

    /**
     * @param learningTimes when each learning was recorded, in any order
     * @param nextStepTimes when each next step was recorded, in any order
     */
    public RuleResult evaluate(Instant discoveredAt, List<Instant> learningTimes, List<Instant> nextStepTimes,
                               Instant now) {
        Objects.requireNonNull(discoveredAt, "discoveredAt");
        Objects.requireNonNull(now, "now");
        List<Instant> learnings = sorted(learningTimes, discoveredAt, "learningTimes");
        List<Instant> nextSteps = sorted(nextStepTimes, discoveredAt, "nextStepTimes");
        Instant deadline = discoveredAt.plus(window);
        Instant learned = reached(learnings, minLearnings, discoveredAt);
        Instant planned = reached(nextSteps, minNextSteps, discoveredAt);
        Instant metAt = learned == null || planned == null ? null : later(learned, planned);
        RuleResult.Status status;
        if (metAt != null && !metAt.isAfter(deadline)) {
            status = RuleResult.Status.MET;
        } else if (now.isAfter(deadline)) {
            status = RuleResult.Status.MISSED;
        } else {
            status = RuleResult.Status.PENDING;
            metAt = null;
        }
        return new RuleResult(status, deadline, metAt, learnings.size(), nextSteps.size());
    }

    /** When the {@code minimum}-th item arrived; discovery when none is needed; {@code null} when too few exist. */
    private static Instant reached(List<Instant> sorted, int minimum, Instant discoveredAt) {
        if (minimum == 0) {
            return discoveredAt;
        }
        return sorted.size() < minimum ? null : sorted.get(minimum - 1);
    }

    private static List<Instant> sorted(List<Instant> times, Instant discoveredAt, String name) {
        List<Instant> sorted = new ArrayList<>(Objects.requireNonNull(times, name).size());
        for (Instant time : times) {
            Objects.requireNonNull(time, name + " must not hold null");
            sorted.add(time.isBefore(discoveredAt) ? discoveredAt : time);
        }
        sorted.sort(null);
        return sorted;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
