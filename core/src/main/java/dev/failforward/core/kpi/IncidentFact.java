package dev.failforward.core.kpi;

import dev.failforward.core.incident.FailureCategory;
import dev.failforward.core.incident.FailureType;
import dev.failforward.core.incident.RuleResult;
import java.time.Instant;
import java.util.Objects;

/**
 * What the KPIs need of one incident. Only {@code discoveredAt} is required; a missing time leaves the incident out of
 * the KPIs that need it. {@code recurrence}: it repeats an earlier failure. {@code twentyFourHourRule}: the rule's
 * status, {@code null} when not evaluated.
 */
public record IncidentFact(Instant discoveredAt, Instant reportedAt, Instant resolvedAt, Instant firstLearningAt,
                           boolean recurrence, FailureType failureType, FailureCategory category,
                           RuleResult.Status twentyFourHourRule) {

    public IncidentFact {
        Objects.requireNonNull(discoveredAt, "discoveredAt");
    }
}
