package dev.failforward.jira.rest;

import dev.failforward.core.kpi.Granularity;
import dev.failforward.core.kpi.Kpi;
import dev.failforward.core.text.IsoDate;
import dev.failforward.jira.kpi.KpiService;
import dev.failforward.rest.FieldError;
import dev.failforward.rest.RequestProblem;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The query of {@code GET /kpis}, checked: {@code project} (repeated or comma-separated keys; none = every project the
 * user may browse) or {@code filter} (a saved filter's id: its projects), {@code from} / {@code to} (months {@code 2026-03}, or dates whose month counts; default the last
 * 12 months up to the current one), {@code granularity} ({@code month} or {@code quarter}), {@code kpi} (repeated or
 * comma-separated keys; none = all). Every problem is reported at once, each naming its parameter.
 */
record KpiParameters(Set<String> projects, Long filter, YearMonth from, YearMonth to, Granularity granularity,
                     List<Kpi> kpis) {

    static final int MAX_PROJECTS = 500;
    private static final Pattern PROJECT_KEY = Pattern.compile("[A-Z][A-Z0-9_]{0,254}");

    static KpiParameters parse(List<String> project, String filter, String from, String to, String granularity,
                               List<String> kpi, YearMonth currentMonth) {
        List<FieldError> errors = new ArrayList<>();
        Set<String> projects = new LinkedHashSet<>();
        for (String key : split(project)) {
            if (!PROJECT_KEY.matcher(key).matches()) {
                errors.add(FieldError.of("project", "invalid", "failforward.kpi.error.project.invalid", shown(key)));
            } else {
                projects.add(key);
            }
        }
        if (projects.size() > MAX_PROJECTS) {
            errors.add(FieldError.of("project", "too-many", "failforward.failuredb.error.param.toomany", "project",
                    String.valueOf(MAX_PROJECTS)));
        }
        Long filterId = null;
        if (filter != null && !filter.isBlank()) {
            if (!filter.strip().matches("[0-9]{1,18}")) {
                errors.add(FieldError.of("filter", "invalid", "failforward.kpi.error.filter.invalid", shown(filter)));
            } else if (!projects.isEmpty()) {
                errors.add(FieldError.of("filter", "exclusive", "failforward.kpi.error.filter.exclusive"));
            } else {
                filterId = Long.parseLong(filter.strip());
            }
        }
        YearMonth toMonth = month(errors, "to", to, currentMonth);
        YearMonth fromMonth = month(errors, "from", from, toMonth == null ? currentMonth.minusMonths(11)
                : toMonth.minusMonths(11));
        if (fromMonth != null && toMonth != null) {
            if (toMonth.isBefore(fromMonth)) {
                errors.add(FieldError.of("to", "before-from", "failforward.failuredb.error.param.range", "to", "from"));
            } else if (fromMonth.plusMonths(KpiService.MAX_MONTHS).isBefore(toMonth.plusMonths(1))) {
                errors.add(FieldError.of("from", "too-long", "failforward.kpi.error.range.toolong",
                        String.valueOf(KpiService.MAX_MONTHS)));
            }
        }
        Granularity parsedGranularity = Granularity.MONTH;
        if (granularity != null && !granularity.isBlank()) {
            try {
                parsedGranularity = Granularity.valueOf(granularity.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(FieldError.of("granularity", "unknown", "failforward.failuredb.error.param.unknown",
                        "granularity", shown(granularity), "month, quarter"));
            }
        }
        List<Kpi> kpis = new ArrayList<>();
        for (String key : split(kpi)) {
            Kpi found = Arrays.stream(Kpi.values()).filter(k -> k.key().equals(key.toLowerCase(Locale.ROOT)))
                    .findFirst().orElse(null);
            if (found == null) {
                errors.add(FieldError.of("kpi", "unknown", "failforward.failuredb.error.param.unknown", "kpi",
                        shown(key), Arrays.stream(Kpi.values()).map(Kpi::key).collect(Collectors.joining(", "))));
            } else if (!kpis.contains(found)) {
                kpis.add(found);
            }
        }
        if (!errors.isEmpty()) {
            throw RequestProblem.invalid(errors);
        }
        return new KpiParameters(Set.copyOf(projects), filterId, fromMonth, toMonth, parsedGranularity,
                kpis.isEmpty() ? List.of(Kpi.values()) : List.copyOf(kpis));
    }

    private static YearMonth month(List<FieldError> errors, String parameter, String text, YearMonth fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        String value = text.strip();
        // yyyy-MM, or a day of it (yyyy-MM-dd), in the years 0001-9999 (IsoDate): YearMonth.parse alone also reads
        // "+10000-01", which no period of the roll-ups can hold
        Optional<java.time.LocalDate> day = IsoDate.parse(value.length() == 7 ? value + "-01" : value);
        if (day.isEmpty()) {
            errors.add(FieldError.of(parameter, "invalid", "failforward.kpi.error.month", parameter, shown(value)));
            return null;
        }
        return YearMonth.from(day.get());
    }

    static List<String> split(List<String> values) {
        List<String> parts = new ArrayList<>();
        if (values != null) {
            for (String value : values) {
                for (String part : value.split(",")) {
                    if (!part.isBlank()) {
                        parts.add(part.strip());
                    }
                }
            }
        }
        return parts;
    }

    private static String shown(String value) {
        return value.length() > 60 ? value.substring(0, 60) + "\u2026" : value;
    }
}
