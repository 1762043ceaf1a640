package dev.failforward.core.award;

import dev.failforward.core.lifecycle.FieldProblem;

import java.util.Objects;

/**
 * An award request refused by a rule: one {@link AwardProblem} against one field. REST maps {@code *_ALREADY_*},
 * {@code *_CLOSED} and {@code *_NOT_OPEN} to 409 and the others to 400 (next session).
 */
public final class AwardException extends RuntimeException {

    private final AwardProblem kind;
    private final transient FieldProblem problem;

    AwardException(AwardProblem kind, FieldProblem problem) {
        super(problem.field() + ": " + describe(kind, problem));
        this.kind = Objects.requireNonNull(kind, "kind");
        this.problem = problem;
    }

    public AwardProblem kind() {
        return kind;
    }

    public FieldProblem problem() {
        return problem;
    }

    /** A plain English message for logs and tests; users see the i18n text of {@link FieldProblem#i18nKey()}. */
    private static String describe(AwardProblem kind, FieldProblem problem) {
        String first = problem.arguments().isEmpty() ? "" : problem.arguments().get(0);
        return switch (kind) {
            case RECORD_ALREADY_NOMINATED -> first + " is already nominated in this award";
            case RECORD_NOT_NOMINATED -> first + " is not nominated in this award";
            case RECORD_OUT_OF_SCOPE -> first + " is not in this award's projects";
            case REASON_REQUIRED -> "a reason is required";
            case REASON_TOO_LONG -> "at most " + first + " characters";
            case NOMINATION_NOT_OPEN -> "nominations open at " + first;
            case NOMINATION_CLOSED -> "nominations are closed";
            case VOTE_NOT_OPEN -> "voting has not started (opens at " + first + ")";
            case VOTE_CLOSED -> "voting is closed";
            case VOTE_ALREADY_CAST -> "already voted in this award";
            case PERIOD_ADVANCE_NOT_OPEN -> first + " has not started: nothing to end";
            case PERIOD_ADVANCE_CLOSED -> first + " is closed: nothing to end";
            default -> problem.code() + (first.isEmpty() ? "" : " (" + first + ")");
        };
    }
}
