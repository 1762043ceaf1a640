package dev.failforward.core.incident;

import dev.failforward.core.lifecycle.FieldProblem;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What an incident needs at each step of its blameless review. Every gap is a {@link FieldProblem} naming the field
 * to fix; nothing throws on what people wrote.
 *
 * <ul>
 *   <li>A report ({@link #report}) says when the failure was discovered, and its times are in order.</li>
 *   <li>To go to LEARNING_REVIEW, the failure is classified ({@link #classification}) and the 5 whys hold at least one
 *       why: the review discusses causes, not culprits.</li>
 *   <li>To CLOSE, at least {@code minLearnings} learnings and {@code minNextSteps} next steps ({@link #learnings}):
 *       a failure nobody learned from is not done.</li>
 * </ul>
 *
 * <p>Immutable and thread-safe.
 */
public final class IncidentRules {

    public static final int DEFAULT_MIN_LEARNINGS = 3;
    public static final int DEFAULT_MIN_NEXT_STEPS = 2;

    private final int minLearnings;
    private final int minNextSteps;

    public IncidentRules(int minLearnings, int minNextSteps) {
        if (minLearnings < 0 || minNextSteps < 0) {
            throw new IllegalArgumentException(
                    "minimums must not be negative: " + minLearnings + " learnings, " + minNextSteps + " next steps");
        }
        this.minLearnings = minLearnings;
        this.minNextSteps = minNextSteps;
    }

    /** At least 3 learnings and 2 next steps. */
    public static IncidentRules defaults() {
        return new IncidentRules(DEFAULT_MIN_LEARNINGS, DEFAULT_MIN_NEXT_STEPS);
    }

    public int minLearnings() {
        return minLearnings;
    }

    public int minNextSteps() {
        return minNextSteps;
    }

    /**
     * When it was discovered is required; it cannot be after it was reported, and it cannot have been resolved before
     * it was discovered. Equal times are fine (found and reported at once).
     */
    public List<FieldProblem> report(IncidentSnapshot s) {
        Objects.requireNonNull(s, "snapshot");
        List<FieldProblem> problems = new ArrayList<>();
        if (s.discoveredAt() == null) {
            problems.add(IncidentProblem.DISCOVERED_AT_REQUIRED.problem());
            return problems;
        }
        if (s.reportedAt() != null && s.discoveredAt().isAfter(s.reportedAt())) {
            problems.add(IncidentProblem.DISCOVERED_AT_AFTER_REPORTED.problem(s.discoveredAt().toString(),
                    s.reportedAt().toString()));
        }
        if (s.resolvedAt() != null && s.resolvedAt().isBefore(s.discoveredAt())) {
            problems.add(IncidentProblem.RESOLVED_AT_BEFORE_DISCOVERED.problem(s.resolvedAt().toString(),
                    s.discoveredAt().toString()));
        }
        return problems;
    }

    /**
     * Enough learnings and next steps in the old text fields, counted as {@link TextItems}. The failure database is the
     * one home of learnings and action items; Jira's Close validator counts those with {@link #learnings(int, int)}.
     * This stays for text that is not stored yet (the migration of the old fields counts the same items).
     */
    public List<FieldProblem> learnings(IncidentSnapshot s) {
        Objects.requireNonNull(s, "snapshot");
        return learnings(TextItems.items(s.learnings()).size(), TextItems.items(s.nextSteps()).size());
    }

    /**
     * Enough learnings and next steps, given how many the failure record holds: one problem per count below its
     * minimum, naming the minimum and the count.
     */
    public List<FieldProblem> learnings(int learnings, int nextSteps) {
        if (learnings < 0 || nextSteps < 0) {
            throw new IllegalArgumentException("counts must not be negative: " + learnings + " learnings, " + nextSteps
                    + " next steps");
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (learnings < minLearnings) {
            problems.add(IncidentProblem.LEARNINGS_TOO_FEW.problem(String.valueOf(minLearnings),
                    String.valueOf(learnings)));
        }
        if (nextSteps < minNextSteps) {
            problems.add(IncidentProblem.NEXT_STEPS_TOO_FEW.problem(String.valueOf(minNextSteps),
                    String.valueOf(nextSteps)));
        }
        return problems;
    }

    /** Failure type, category and mode. */
    public List<FieldProblem> classification(IncidentSnapshot s) {
        Objects.requireNonNull(s, "snapshot");
        List<FieldProblem> problems = new ArrayList<>();
        if (s.failureType() == null) {
            problems.add(IncidentProblem.FAILURE_TYPE_REQUIRED.problem());
        }
        if (s.failureCategory() == null) {
            problems.add(IncidentProblem.FAILURE_CATEGORY_REQUIRED.problem());
        }
        if (s.failureMode() == null) {
            problems.add(IncidentProblem.FAILURE_MODE_REQUIRED.problem());
        }
        return problems;
    }

    /**
     * What {@code transition} requires: REVIEW_LEARNINGS the classification and at least one why, CLOSE the
     * learnings and next steps, the others nothing.
     */
    public List<FieldProblem> check(IncidentTransition transition, IncidentSnapshot s) {
        Objects.requireNonNull(transition, "transition");
        Objects.requireNonNull(s, "snapshot");
        return switch (transition) {
            case REVIEW_LEARNINGS -> {
                List<FieldProblem> problems = new ArrayList<>(classification(s));
                if (WhyChain.parse(s.fiveWhys()).size() == 0) {
                    problems.add(IncidentProblem.FIVE_WHYS_REQUIRED.problem());
                }
                yield problems;
            }
            case CLOSE -> learnings(s);
            case START_ANALYSIS, REOPEN_ANALYSIS -> List.of();
        };
    }

    /** The transitions out of {@code status}, in declaration order; none out of CLOSED. */
    public Set<IncidentTransition> allowedFrom(IncidentStatus status) {
        Objects.requireNonNull(status, "status");
        EnumSet<IncidentTransition> allowed = EnumSet.noneOf(IncidentTransition.class);
        for (IncidentTransition transition : IncidentTransition.values()) {
            if (transition.from() == status) {
                allowed.add(transition);
            }
        }
        return Collections.unmodifiableSet(allowed);
    }

    /** The transition from {@code from} to {@code to}, or empty when the workflow has none. */
    public Optional<IncidentTransition> transition(IncidentStatus from, IncidentStatus to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        for (IncidentTransition transition : IncidentTransition.values()) {
            if (transition.from() == from && transition.to() == to) {
                return Optional.of(transition);
            }
        }
        return Optional.empty();
    }
}
