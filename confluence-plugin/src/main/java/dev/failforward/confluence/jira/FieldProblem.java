package dev.failforward.confluence.jira;

/**
 * One problem Jira found with one field of a request (an item of its 400 body's {@code errors}): the request field
 * ({@code text}, {@code dueDate}, or {@code body} for the request as a whole), Jira's stable code and its message
 * (already in the Jira user's language). Absent values are empty strings, so a template can print them as they are.
 */
public record FieldProblem(String field, String code, String message) {

    public FieldProblem {
        field = field == null ? "" : field;
        code = code == null ? "" : code;
        message = message == null ? "" : message;
    }
}
