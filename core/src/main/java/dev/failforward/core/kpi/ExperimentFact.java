package dev.failforward.core.kpi;

import java.time.Instant;

/** When an experiment started and when it was decided (its hypothesis tested); either may be {@code null}. */
public record ExperimentFact(Instant startedAt, Instant decidedAt) {
}
