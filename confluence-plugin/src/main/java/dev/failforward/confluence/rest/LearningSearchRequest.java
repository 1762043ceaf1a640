package dev.failforward.confluence.rest;

import dev.failforward.confluence.archive.ArchiveFilters;
import dev.failforward.confluence.archive.ArchivePeriod;
import dev.failforward.confluence.jira.LearningSearch;
import dev.failforward.core.incident.FailureCategory;
import dev.failforward.core.incident.FailureType;
import dev.failforward.core.record.LearningKind;
import dev.failforward.core.record.RecordKind;
import dev.failforward.core.text.IsoDate;
import dev.failforward.rest.FieldError;
import dev.failforward.rest.RequestProblem;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The query parameters of {@code GET /learnings}, checked before anything reaches Jira: every bad parameter is one
 * {@link FieldError} (field = the parameter's name, a stable code, a message), all reported together as
 * one 400. The rules are Jira's ({@code GET /rest/failforward/1.0/learnings}), so a search that passes here is one Jira
 * accepts; {@code period} is ours: it sets {@code from} on the server's clock in UTC (see {@link ArchivePeriod}).
 */
final class LearningSearchRequest {

    private static final int MAX_SHOWN_VALUE = 50;

    private LearningSearchRequest() {
    }

    /** The search, or a {@link RequestProblem} (400) naming every bad parameter. */
    static LearningSearch parse(List<String> project, String recordKind, String learningKind, String failureType,
                                String category, String from, String to, String period, String text,
                                String startAt, String maxResults, LocalDate todayUtc) {
        List<FieldError> errors = new ArrayList<>();

        List<String> projects = List.of();
        Optional<List<String>> keys = ArchiveFilters.projectKeys(project);
        if (keys.isEmpty()) {
            errors.add(error("project", "format", "failforward.archive.rest.error.project", "project",
                    shown(String.join(",", project))));
        } else if (keys.get().size() > ArchiveFilters.MAX_PROJECTS) {
            errors.add(error("project", "too-many", "failforward.archive.rest.error.toomany", "project",
                    String.valueOf(ArchiveFilters.MAX_PROJECTS)));
        } else {
            projects = keys.get();
        }

        String kind = name(errors, "recordKind", recordKind, ArchiveFilters::recordKind, RecordKind.class);
        String learning = name(errors, "learningKind", learningKind, ArchiveFilters::learningKind, LearningKind.class);
        String type = name(errors, "failureType", failureType, ArchiveFilters::failureType, FailureType.class);
        String failureCategory = name(errors, "category", category, ArchiveFilters::category, FailureCategory.class);

        LocalDate fromDay = date(errors, "from", from);
        LocalDate toDay = date(errors, "to", to);
        if (fromDay != null && toDay != null && toDay.isBefore(fromDay)) {
            errors.add(error("to", "before-from", "failforward.archive.rest.error.range", "to", "from"));
        }
        String periodId = blankToNull(period);
        if (periodId != null) {
            Optional<ArchivePeriod> found = ArchivePeriod.fromId(periodId);
            if (found.isEmpty()) {
                errors.add(error("period", "unknown", "failforward.archive.rest.error.unknown", "period",
                        periodIds(), shown(periodId)));
            } else if (blankToNull(from) != null || blankToNull(to) != null) {
                errors.add(error("period", "conflict", "failforward.archive.rest.error.period.conflict", "period"));
            } else {
                fromDay = found.get().firstDay(todayUtc).orElse(null);
            }
        }

        String searchText = blankToNull(text);
        if (searchText != null && searchText.length() > ArchiveFilters.MAX_QUERY) {
            errors.add(error("text", "too-long", "failforward.archive.rest.error.toolong", "text",
                    String.valueOf(ArchiveFilters.MAX_QUERY)));
        }
        int offset = integer(errors, "startAt", startAt, 0, 0, Integer.MAX_VALUE);
        int limit = integer(errors, "maxResults", maxResults, ArchiveFilters.DEFAULT_RESULTS, 1,
                ArchiveFilters.MAX_RESULTS);

        if (!errors.isEmpty()) {
            throw RequestProblem.invalid(errors);
        }
        return new LearningSearch(projects, kind, learning, type, failureCategory, fromDay, toDay, searchText, offset,
                limit);
    }

    private static String name(List<FieldError> errors, String parameter, String raw,
                               Function<String, Optional<String>> parser, Class<? extends Enum<?>> type) {
        String value = blankToNull(raw);
        if (value == null) {
            return null;
        }
        Optional<String> name = parser.apply(value);
        if (name.isEmpty()) {
            errors.add(error(parameter, "unknown", "failforward.archive.rest.error.unknown", parameter,
                    ArchiveFilters.names(type), shown(value)));
            return null;
        }
        return name.get();
    }

    private static LocalDate date(List<FieldError> errors, String parameter, String raw) {
        String value = blankToNull(raw);
        if (value == null) {
            return null;
        }
        Optional<LocalDate> date = IsoDate.parse(value); // yyyy-MM-dd, years 0001-9999, as Jira reads it
        if (date.isEmpty()) {
            errors.add(error(parameter, "invalid", "failforward.archive.rest.error.date", parameter, shown(value)));
            return null;
        }
        return date.get();
    }

    private static int integer(List<FieldError> errors, String parameter, String raw, int fallback,
                               int min, int max) {
        String value = blankToNull(raw);
        if (value == null) {
            return fallback;
        }
        try {
            long number = Long.parseLong(value);
            if (number >= min && number <= max) {
                return (int) number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(error(parameter, "out-of-range", "failforward.archive.rest.error.integer", parameter,
                String.valueOf(min), String.valueOf(max), shown(value)));
        return fallback;
    }

    private static String periodIds() {
        List<String> ids = new ArrayList<>();
        for (ArchivePeriod period : ArchivePeriod.values()) {
            ids.add(period.id());
        }
        return String.join(", ", ids);
    }

    private static FieldError error(String field, String code, String i18nKey, Serializable... arguments) {
        return FieldError.of(field, code, i18nKey, arguments);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String shown(String value) {
        return value.length() > MAX_SHOWN_VALUE ? value.substring(0, MAX_SHOWN_VALUE) + "…" : value;
    }
}
