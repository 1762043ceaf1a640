package dev.failforward.core.kpi;

import java.time.Instant;
import java.util.Objects;

/** One anonymous pulse answer to "I feel comfortable sharing failures", 1 (not at all) to 5 (fully). */
public record PulseAnswer(Instant answeredAt, int score) {

    public PulseAnswer {
        Objects.requireNonNull(answeredAt, "answeredAt");
        if (score < 1 || score > 5) {
            throw new IllegalArgumentException("score must be 1..5: " + score);
        }
    }

    public boolean favourable() {
        return score >= 4;
    }
}
