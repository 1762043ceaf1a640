package dev.failforward.core.record;

import dev.failforward.core.lifecycle.FieldProblem;

import java.util.List;
import java.util.Objects;

/**
 * The result of checking a command: either a value ready to store, or the problems to show next to their fields.
 * Bad input never throws; only asking an invalid result for its value does.
 */
public final class Validated<T> {

    private final T value;
    private final List<FieldProblem> problems;

    private Validated(T value, List<FieldProblem> problems) {
        this.value = value;
        this.problems = List.copyOf(problems);
    }

    public static <T> Validated<T> valid(T value) {
        return new Validated<>(Objects.requireNonNull(value, "value"), List.of());
    }

    public static <T> Validated<T> invalid(List<FieldProblem> problems) {
        if (Objects.requireNonNull(problems, "problems").isEmpty()) {
            throw new IllegalArgumentException("an invalid result needs at least one problem");
        }
        return new Validated<>(null, problems);
    }

    public boolean isValid() {
        return problems.isEmpty();
    }

    /** The checked value; only for a valid result. */
    public T value() {
        if (!isValid()) {
            throw new IllegalStateException("invalid: " + problems);
        }
        return value;
    }

    public List<FieldProblem> problems() {
        return problems;
    }

    @Override
    public String toString() {
        return isValid() ? "Valid[" + value + "]" : "Invalid" + problems;
    }
}
