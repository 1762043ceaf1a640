package dev.failforward.jira.rest;

import dev.failforward.core.incident.FailureCategory;
import dev.failforward.core.incident.FailureType;
import dev.failforward.core.record.LearningKind;
import dev.failforward.core.record.PageRequest;
import dev.failforward.core.record.RecordKind;
import dev.failforward.jira.archive.LearningQuery;
import dev.failforward.rest.FieldError;
import dev.failforward.rest.RequestProblem;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The query parameters of {@code GET /learnings}, checked with the helpers, error codes and i18n keys of
 * {@link RecordSearchParameters} (one {@link FieldError} per bad parameter, all reported together as a 400). Dates
 * are whole UTC days of the learning's creation, {@code to} inclusive.
 *
 * @param projects the requested project keys, or {@code null} when none were given (= every browsable project)
 */
record LearningSearchParameters(Set<String> projects, LearningQuery query) {

    static LearningSearchParameters parse(List<String> project, String recordKind, String learningKind,
                                          String failureType, String category, String from, String to, String text,
                                          String startAt, String maxResults) {
        List<FieldError> errors = new ArrayList<>();
        Set<String> projects = null;
        List<String> projectValues = new ArrayList<>();
        for (String value : RecordSearchParameters.present(project)) {
            for (String part : value.split(",")) {
                if (!part.isBlank()) {
                    projectValues.add(part.strip());
                }
            }
        }
        if (!projectValues.isEmpty()) {
            if (projectValues.size() > LearningQuery.MAX_PROJECTS) {
                errors.add(FieldError.of("project", "too-many", "failforward.failuredb.error.param.toomany",
                        "project", String.valueOf(LearningQuery.MAX_PROJECTS)));
            }
            projects = new LinkedHashSet<>(projectValues);
        }
        RecordKind kind = RecordSearchParameters.enumValue(errors, "recordKind", RecordKind.class, recordKind);
        LearningKind learning = RecordSearchParameters.enumValue(errors, "learningKind", LearningKind.class,
                learningKind);
        FailureType type = RecordSearchParameters.enumValue(errors, "failureType", FailureType.class, failureType);
        FailureCategory failureCategory = RecordSearchParameters.enumValue(errors, "category", FailureCategory.class,
                category);
        LocalDate fromDay = RecordSearchParameters.date(errors, "from", from);
        LocalDate toDay = RecordSearchParameters.date(errors, "to", to);
        if (fromDay != null && toDay != null && toDay.isBefore(fromDay)) {
            errors.add(FieldError.of("to", "before-from", "failforward.failuredb.error.param.range", "to", "from"));
        }
        String searchText = RecordSearchParameters.blankToNull(text);
        if (searchText != null && searchText.length() > LearningQuery.TEXT_MAX_LENGTH) {
            errors.add(FieldError.of("text", "too-long", "failforward.failuredb.error.param.toolong",
                    "text", String.valueOf(LearningQuery.TEXT_MAX_LENGTH)));
        }
        int offset = RecordSearchParameters.integer(errors, "startAt", startAt, 0, 0, Integer.MAX_VALUE);
        int limit = RecordSearchParameters.integer(errors, "maxResults", maxResults, LearningQuery.DEFAULT_LIMIT, 1,
                LearningQuery.MAX_LIMIT);
        if (!errors.isEmpty()) {
            throw RequestProblem.invalid(errors);
        }
        LearningQuery query = new LearningQuery(Set.of(), kind, learning, type, failureCategory,
                fromDay == null ? null : RecordSearchParameters.startOf(fromDay),
                toDay == null ? null : RecordSearchParameters.startOf(toDay.plusDays(1)), searchText,
                new PageRequest(offset, limit));
        return new LearningSearchParameters(projects, query);
    }
}
