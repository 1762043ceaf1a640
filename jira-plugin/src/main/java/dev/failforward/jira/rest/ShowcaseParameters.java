package dev.failforward.jira.rest;

import dev.failforward.core.text.IsoDate;
import dev.failforward.jira.showcase.ShowcasePeriod;
import dev.failforward.rest.FieldError;
import dev.failforward.rest.RequestProblem;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parameters of {@code GET /showcase}: {@code projects} (comma-separated keys, or repeated; none = every project
 * the user may browse) and either {@code period} — a quarter {@code 2026-Q3}, a month {@code 2026-09} or a year
 * {@code 2026} — or {@code from} and {@code to}, months ({@code 2026-07}) with {@code to} inclusive; neither = the
 * current quarter in the user's zone. Every bad parameter is reported at once (400), each naming itself.
 */
record ShowcaseParameters(List<String> projects, ShowcasePeriod period) {

    static final int MAX_PROJECTS = KpiParameters.MAX_PROJECTS;
    private static final Pattern PROJECT_KEY = Pattern.compile("[A-Z][A-Z0-9_]{0,254}");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-[Qq]([1-4])");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");

    static ShowcaseParameters parse(List<String> projects, String period, String from, String to, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (String key : KpiParameters.split(projects)) {
            String upper = key.toUpperCase(Locale.ROOT);
            if (!PROJECT_KEY.matcher(upper).matches()) {
                errors.add(FieldError.of("projects", "invalid", "failforward.kpi.error.project.invalid", shown(key)));
            } else if (!keys.contains(upper)) {
                keys.add(upper);
            }
        }
        if (keys.size() > MAX_PROJECTS) {
            errors.add(FieldError.of("projects", "too-many", "failforward.failuredb.error.param.toomany", "projects",
                    MAX_PROJECTS));
        }
        ShowcasePeriod chosen = null;
        boolean hasPeriod = period != null && !period.isBlank();
        boolean hasRange = (from != null && !from.isBlank()) || (to != null && !to.isBlank());
        if (hasPeriod && hasRange) {
            errors.add(FieldError.of("period", "exclusive", "failforward.showcase.error.period.exclusive"));
        } else if (hasPeriod) {
            chosen = period(period.strip()).orElse(null);
            if (chosen == null) {
                errors.add(FieldError.of("period", "invalid", "failforward.showcase.error.period", "period",
                        shown(period.strip())));
            }
        } else if (hasRange) {
            YearMonth first = month(errors, "from", from);
            YearMonth last = month(errors, "to", to);
            if (first != null && last != null) {
                if (last.isBefore(first)) {
                    errors.add(FieldError.of("to", "before-from", "failforward.failuredb.error.param.range", "to",
                            "from"));
                } else if (first.plusMonths(ShowcasePeriod.MAX_MONTHS).isBefore(last.plusMonths(1))) {
                    errors.add(FieldError.of("from", "too-long", "failforward.showcase.error.period.toolong",
                            ShowcasePeriod.MAX_MONTHS));
                } else {
                    chosen = ShowcasePeriod.months(first, last);
                }
            }
        } else {
            chosen = ShowcasePeriod.quarterOf(today);
        }
        if (!errors.isEmpty()) {
            throw RequestProblem.invalid(errors);
        }
        return new ShowcaseParameters(List.copyOf(keys), chosen);
    }

    /** {@code 2026-Q3}, {@code 2026-09} or {@code 2026} (years 0001-9999), else empty. */
    static Optional<ShowcasePeriod> period(String text) {
        Matcher quarter = QUARTER.matcher(text);
        if (quarter.matches() && Integer.parseInt(quarter.group(1)) > 0) {
            return Optional.of(ShowcasePeriod.quarter(Integer.parseInt(quarter.group(1)),
                    Integer.parseInt(quarter.group(2))));
        }
        if (YEAR.matcher(text).matches() && Integer.parseInt(text) > 0) {
            return Optional.of(ShowcasePeriod.year(Integer.parseInt(text)));
        }
        if (text.length() == 7) {
            return IsoDate.parse(text + "-01").map(day -> ShowcasePeriod.month(YearMonth.from(day)));
        }
        return Optional.empty();
    }

    private static YearMonth month(List<FieldError> errors, String parameter, String text) {
        String value = text == null ? "" : text.strip();
        Optional<LocalDate> day = value.length() == 7 ? IsoDate.parse(value + "-01") : Optional.empty();
        if (day.isEmpty()) {
            errors.add(FieldError.of(parameter, value.isEmpty() ? "required" : "invalid",
                    "failforward.kpi.error.month", parameter, shown(value)));
            return null;
        }
        return YearMonth.from(day.get());
    }

    private static String shown(String value) {
        return value.length() > 60 ? value.substring(0, 60) + "\u2026" : value;
    }
}
