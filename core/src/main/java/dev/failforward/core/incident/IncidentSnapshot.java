package dev.failforward.core.incident;

import java.time.Instant;

/**
 * What an incident issue holds, read from its fields. Any value may be {@code null}: not filled in yet.
 *
 * @param discoveredAt        when someone first noticed the failure
 * @param reportedAt          when it was reported (usually when the issue was created)
 * @param resolvedAt          when its effects were contained, or {@code null} while they last
 * @param fiveWhys            the why chain, one why per line ({@link WhyChain})
 * @param contributingFactors one factor per line ({@link TextItems})
 * @param learnings           one learning per line
 * @param nextSteps           one next step per line
 */
public record IncidentSnapshot(Instant discoveredAt,
                               Instant reportedAt,
                               Instant resolvedAt,
                               String impact,
                               FailureType failureType,
                               FailureCategory failureCategory,
                               FailureMode failureMode,
                               String fiveWhys,
                               String contributingFactors,
                               String learnings,
                               String nextSteps) {

    private static final IncidentSnapshot EMPTY = new IncidentSnapshot(null, null, null, null, null, null, null, null, null, null, null);

    /** Nothing filled in. */
    public static IncidentSnapshot empty() {
        return EMPTY;
    }

    public IncidentSnapshot withDiscoveredAt(Instant discoveredAt) {
        return new IncidentSnapshot(discoveredAt, reportedAt, resolvedAt, impact, failureType, failureCategory, failureMode, fiveWhys, contributingFactors, learnings, nextSteps);
    }

    public IncidentSnapshot withReportedAt(Instant reportedAt) {
        return new IncidentSnapshot(discoveredAt, reportedAt, resolvedAt, impact, failureType, failureCategory, failureMode, fiveWhys, contributingFactors, learnings, nextSteps);
    }

    public IncidentSnapshot withResolvedAt(Instant resolvedAt) {
        return new IncidentSnapshot(discoveredAt, reportedAt, resolvedAt, impact, failureType, failureCategory, failureMode, fiveWhys, contributingFactors, learnings, nextSteps);
    }

    public IncidentSnapshot withImpact(String impact) {
        return new IncidentSnapshot(discoveredAt, reportedAt, resolvedAt, impact, failureType, failureCategory, failureMode, fiveWhys, contributingFactors, learnings, nextSteps);
    }

    public IncidentSnapshot withFailureType(FailureType failureType) {
        return new IncidentSnapshot(discoveredAt, reportedAt, resolvedAt, impact, failureType, failureCategory, failureMode, fiveWhys, contributingFactors, learnings, nextSteps);
    }

    public IncidentSnapshot withFailureCategory(FailureCategory failureCategory) {
        return new IncidentSnapshot(discoveredAt, reportedAt, resolvedAt, impact, failureType, failureCategory, failureMode, fiveWhys, contributingFactors, learnings, nextSteps);
    }

    public IncidentSnapshot withFailureMode(FailureMode failureMode) {
        return new IncidentSnapshot(discoveredAt, reportedAt, resolvedAt, impact, failureType, failureCategory, failureMode, fiveWhys, contributingFactors, learnings, nextSteps);
    }

    public IncidentSnapshot withFiveWhys(String fiveWhys) {
        return new IncidentSnapshot(discoveredAt, reportedAt, resolvedAt, impact, failureType, failureCategory, failureMode, fiveWhys, contributingFactors, learnings, nextSteps);
    }

    public IncidentSnapshot withContributingFactors(String contributingFactors) {
        return new IncidentSnapshot(discoveredAt, reportedAt, resolvedAt, impact, failureType, failureCategory, failureMode, fiveWhys, contributingFactors, learnings, nextSteps);
    }

    public IncidentSnapshot withLearnings(String learnings) {
        return new IncidentSnapshot(discoveredAt, reportedAt, resolvedAt, impact, failureType, failureCategory, failureMode, fiveWhys, contributingFactors, learnings, nextSteps);
    }

    public IncidentSnapshot withNextSteps(String nextSteps) {
        return new IncidentSnapshot(discoveredAt, reportedAt, resolvedAt, impact, failureType, failureCategory, failureMode, fiveWhys, contributingFactors, learnings, nextSteps);
    }
}
