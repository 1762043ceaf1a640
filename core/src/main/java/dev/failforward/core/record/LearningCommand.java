package dev.failforward.core.record;

import dev.failforward.core.lifecycle.FieldProblem;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a user typed to add or edit a learning, unchecked: any text, the kind by name (e.g. {@code "went_well"}).
 * {@link #toDraft} and {@link #applyTo} check it and return field problems instead of throwing.
 */
public record LearningCommand(String text, String kind) {

    /** A new learning for the record, written by {@code authorKey} at {@code now}. */
    public Validated<Learning.Draft> toDraft(long recordIssueId, String authorKey, Instant now) {
        Objects.requireNonNull(now, "now");
        List<FieldProblem> problems = new ArrayList<>();
        String checkedText = checkText(problems);
        Optional<LearningKind> checkedKind = checkKind(problems);
        if (!problems.isEmpty()) {
            return Validated.invalid(problems);
        }
        return Validated.valid(new Learning.Draft(recordIssueId, checkedText, checkedKind.orElseThrow(), authorKey, now));
    }

    /** The stored learning with this command's text and kind. */
    public Validated<Learning> applyTo(Learning existing) {
        Objects.requireNonNull(existing, "existing");
        List<FieldProblem> problems = new ArrayList<>();
        String checkedText = checkText(problems);
        Optional<LearningKind> checkedKind = checkKind(problems);
        if (!problems.isEmpty()) {
            return Validated.invalid(problems);
        }
        return Validated.valid(existing.edited(checkedText, checkedKind.orElseThrow()));
    }

    private String checkText(List<FieldProblem> problems) {
        String value = Inputs.text(text);
        if (value == null) {
            problems.add(FailureDbProblem.LEARNING_TEXT_REQUIRED.problem());
        } else if (value.length() > Learning.TEXT_MAX_LENGTH) {
            problems.add(FailureDbProblem.LEARNING_TEXT_TOO_LONG.problem(String.valueOf(Learning.TEXT_MAX_LENGTH)));
        }
        return value;
    }

    private Optional<LearningKind> checkKind(List<FieldProblem> problems) {
        if (Inputs.text(kind) == null) {
            problems.add(FailureDbProblem.LEARNING_KIND_REQUIRED.problem());
            return Optional.empty();
        }
        Optional<LearningKind> value = Inputs.enumValue(LearningKind.class, kind);
        if (value.isEmpty()) {
            problems.add(FailureDbProblem.LEARNING_KIND_UNKNOWN.problem(Inputs.shown(kind)));
        }
        return value;
    }
}
