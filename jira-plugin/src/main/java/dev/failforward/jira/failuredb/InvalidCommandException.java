package dev.failforward.jira.failuredb;

import dev.failforward.core.lifecycle.FieldProblem;

import java.util.List;

/** A command the core refused, with its field problems (the REST layer names the request's fields). */
public class InvalidCommandException extends RuntimeException {

    private final List<FieldProblem> problems;

    public InvalidCommandException(List<FieldProblem> problems) {
        super(problems.toString());
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an invalid command has at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
