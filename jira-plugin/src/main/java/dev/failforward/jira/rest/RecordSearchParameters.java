package dev.failforward.jira.rest;

import dev.failforward.core.experiment.Phase;
import dev.failforward.core.incident.FailureCategory;
import dev.failforward.core.incident.FailureType;
import dev.failforward.core.record.FailureRecord;
import dev.failforward.core.record.PageRequest;
import dev.failforward.core.record.RecordKind;
import dev.failforward.core.record.RecordQuery;
import dev.failforward.core.record.RecordSort;
import dev.failforward.core.text.IsoDate;
import dev.failforward.rest.FieldError;
import dev.failforward.rest.RequestProblem;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The query parameters of {@code GET /records}, checked one by one: every mistake becomes a {@link FieldError} naming
 * the parameter, and all of them are reported together (400).
 *
 * <p>Dates are whole days in UTC: {@code createdFrom=2026-05-01&createdTo=2026-05-31} means created on or after
 * 2026-05-01T00:00Z and before 2026-06-01T00:00Z. Enum values are read case-insensitively, {@code -} or space as
 * {@code _} ({@code design-flaw}).
 *
 * @param projects the requested project keys, or {@code null} when none were given (= every browsable project)
 */
record RecordSearchParameters(Set<String> projects, RecordQuery query) {

    static final int DEFAULT_MAX_RESULTS = 50;

    static RecordSearchParameters parse(List<String> project, String kind, List<String> status, String phase,
                                        String failureType, String category, String createdFrom, String createdTo,
                                        String text, String sort, String order, String startAt, String maxResults) {
        List<FieldError> errors = new ArrayList<>();
        Set<String> projects = null;
        List<String> projectValues = present(project);
        if (!projectValues.isEmpty()) {
            if (projectValues.size() > RecordQuery.MAX_PROJECTS) {
                errors.add(FieldError.of("project", "too-many", "failforward.failuredb.error.param.toomany",
                        "project", String.valueOf(RecordQuery.MAX_PROJECTS)));
            }
            projects = new LinkedHashSet<>(projectValues);
        }
        Set<String> statuses = new LinkedHashSet<>();
        List<String> statusValues = present(status);
        if (statusValues.size() > RecordQuery.MAX_STATUSES) {
            errors.add(FieldError.of("status", "too-many", "failforward.failuredb.error.param.toomany",
                    "status", String.valueOf(RecordQuery.MAX_STATUSES)));
        } else {
            for (String value : statusValues) {
                if (value.length() > FailureRecord.STATUS_MAX_LENGTH) {
                    errors.add(FieldError.of("status", "too-long", "failforward.failuredb.error.param.toolong",
                            "status", String.valueOf(FailureRecord.STATUS_MAX_LENGTH)));
                    break;
                }
                statuses.add(value);
            }
        }
        RecordKind recordKind = enumValue(errors, "kind", RecordKind.class, kind);
        Phase recordPhase = enumValue(errors, "phase", Phase.class, phase);
        FailureType type = enumValue(errors, "failureType", FailureType.class, failureType);
        FailureCategory failureCategory = enumValue(errors, "category", FailureCategory.class, category);
        LocalDate from = date(errors, "createdFrom", createdFrom);
        LocalDate to = date(errors, "createdTo", createdTo);
        if (from != null && to != null && to.isBefore(from)) {
            errors.add(FieldError.of("createdTo", "before-from", "failforward.failuredb.error.param.range",
                    "createdTo", "createdFrom"));
        }
        String searchText = blankToNull(text);
        if (searchText != null && searchText.length() > RecordQuery.TEXT_MAX_LENGTH) {
            errors.add(FieldError.of("text", "too-long", "failforward.failuredb.error.param.toolong",
                    "text", String.valueOf(RecordQuery.TEXT_MAX_LENGTH)));
        }
        RecordSort recordSort = enumValue(errors, "sort", RecordSort.class, sort);
        boolean ascending = false;
        String direction = blankToNull(order);
        if (direction != null) {
            switch (direction.toLowerCase(Locale.ROOT)) {
                case "asc" -> ascending = true;
                case "desc" -> ascending = false;
                default -> errors.add(unknown("order", direction, "asc, desc"));
            }
        }
        int offset = integer(errors, "startAt", startAt, 0, 0, Integer.MAX_VALUE);
        int limit = integer(errors, "maxResults", maxResults, DEFAULT_MAX_RESULTS, 1, PageRequest.MAX_LIMIT);
        if (!errors.isEmpty()) {
            throw RequestProblem.invalid(errors);
        }
        RecordQuery query = RecordQuery.inProjects(Set.of())
                .withKind(recordKind)
                .withStatuses(statuses)
                .withPhase(recordPhase)
                .withFailureType(type)
                .withFailureCategory(failureCategory)
                .withCreated(from == null ? null : startOf(from), to == null ? null : startOf(to.plusDays(1)))
                .withText(searchText)
                .sortedBy(recordSort == null ? RecordSort.CREATED : recordSort, ascending)
                .withPage(new PageRequest(offset, limit));
        return new RecordSearchParameters(projects, query);
    }

    static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    static List<String> present(List<String> values) {
        if (values == null) {
            return List.of();
        }
        return values.stream().map(RecordSearchParameters::blankToNull).filter(v -> v != null).toList();
    }

    static String blankToNull(String value) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        return stripped.isEmpty() ? null : stripped;
    }

    static <E extends Enum<E>> E enumValue(List<FieldError> errors, String parameter, Class<E> type,
                                                   String text) {
        String value = blankToNull(text);
        if (value == null) {
            return null;
        }
        String normalised = value.toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(normalised)) {
                return constant;
            }
        }
        errors.add(unknown(parameter, value, Arrays.stream(type.getEnumConstants())
                .map(c -> c.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "))));
        return null;
    }

    static FieldError unknown(String parameter, String value, String allowed) {
        return FieldError.of(parameter, "unknown", "failforward.failuredb.error.param.unknown", parameter,
                shown(value), allowed);
    }

    static LocalDate date(List<FieldError> errors, String parameter, String text) {
        String value = blankToNull(text);
        if (value == null) {
            return null;
        }
        Optional<LocalDate> date = IsoDate.parse(value);
        if (date.isEmpty()) {
            errors.add(FieldError.of(parameter, "invalid", "failforward.failuredb.error.param.date", parameter,
                    shown(value)));
            return null;
        }
        return date.get();
    }

    static int integer(List<FieldError> errors, String parameter, String text, int fallback, int min, int max) {
        String value = blankToNull(text);
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
        errors.add(FieldError.of(parameter, "out-of-range", "failforward.failuredb.error.param.integer",
                parameter, String.valueOf(min), String.valueOf(max), shown(value)));
        return fallback;
    }

    private static String shown(String value) {
        return value.length() > 60 ? value.substring(0, 60) + "\u2026" : value;
    }
}
