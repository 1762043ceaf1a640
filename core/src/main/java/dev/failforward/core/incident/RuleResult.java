package dev.failforward.core.incident;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * How an incident stands against the {@link TwentyFourHourRule}.
 *
 * @param deadline  discovery plus the rule's window
 * @param metAt     when the last item needed arrived, or {@code null} while not enough items exist; set for MISSED
 *                  too when the items came late, so late compliance stays visible
 * @param learnings how many learnings were recorded (all of them, whenever recorded)
 * @param nextSteps how many next steps were recorded
 */
public record RuleResult(Status status, Instant deadline, Instant metAt, int learnings, int nextSteps) {

    public enum Status {
        /** Enough learnings and next steps by the deadline. */
        MET,
        /** Not (yet) enough, and the deadline is still ahead. */
        PENDING,
        /** Not enough by the deadline. */
        MISSED;

        public String i18nKey() {
            return "failforward.incident.rule24h." + name().toLowerCase(Locale.ROOT);
        }
    }

    public RuleResult {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(deadline, "deadline");
        if (learnings < 0 || nextSteps < 0) {
            throw new IllegalArgumentException("counts must not be negative: " + learnings + ", " + nextSteps);
        }
        if (status == Status.MET && (metAt == null || metAt.isAfter(deadline))) {
            throw new IllegalArgumentException("MET needs metAt at or before the deadline: " + metAt);
        }
        if (status == Status.PENDING && metAt != null) {
            throw new IllegalArgumentException("PENDING has no metAt: " + metAt);
        }
        if (status == Status.MISSED && metAt != null && !metAt.isAfter(deadline)) {
            throw new IllegalArgumentException("MISSED cannot be met by the deadline: " + metAt);
        }
    }
}
