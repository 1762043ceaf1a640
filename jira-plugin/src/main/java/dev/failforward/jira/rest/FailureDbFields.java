package dev.failforward.jira.rest;

import dev.failforward.core.lifecycle.FieldProblem;
import dev.failforward.core.record.FailureDbProblem.Fields;
import dev.failforward.rest.FieldError;
import dev.failforward.rest.RequestProblem;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * Names the request's JSON fields in the core commands' {@link FieldProblem}s, so a refused learning or action item is
 * a 400 whose {@code errors[].field} is the field the client sent ({@code "dueDate"}, not the core's
 * {@code "actionDueDate"}); the message is the core's, in the user's language.
 */
final class FailureDbFields {

    /** The body fields of learnings and action items. */
    static final Map<String, String> BODY = Map.ofEntries(
            Map.entry(Fields.LEARNING_TEXT, "text"),
            Map.entry(Fields.LEARNING_KIND, "kind"),
            Map.entry(Fields.LEARNING_SOURCE_URL, "sourceUrl"),
            Map.entry(Fields.LEARNING_SOURCE_TITLE, "sourceTitle"),
            Map.entry(Fields.ACTION_DESCRIPTION, "description"),
            Map.entry(Fields.ACTION_OWNER, "owner"),
            Map.entry(Fields.ACTION_DUE_DATE, "dueDate"),
            Map.entry(Fields.ACTION_TYPE, "type"),
            Map.entry(Fields.ACTION_STATUS, "status"),
            Map.entry(Fields.ACTION_CHECK_IN_DATE, "checkInDate"),
            Map.entry(Fields.ACTION_CHECK_IN_RESULT, "checkInResult"),
            Map.entry(Fields.ACTION_CHECK_IN_NOTE, "checkInNote"));

    /** The body fields of a check-in ({@code date}, {@code result}, {@code note}). */
    static final Map<String, String> CHECK_IN = Map.of(
            Fields.ACTION_CHECK_IN_DATE, "date",
            Fields.ACTION_CHECK_IN_RESULT, "result",
            Fields.ACTION_CHECK_IN_NOTE, "note");

    private FailureDbFields() {
    }

    static RequestProblem invalid(List<FieldProblem> problems, Map<String, String> names) {
        return RequestProblem.invalid(problems.stream()
                .map(p -> new FieldError(names.getOrDefault(p.field(), BODY.getOrDefault(p.field(), p.field())),
                        p.code(), p.i18nKey(), List.<Serializable>copyOf(p.arguments())))
                .toList());
    }
}
