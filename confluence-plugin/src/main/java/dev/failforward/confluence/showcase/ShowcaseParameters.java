package dev.failforward.confluence.showcase;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The {@code failforward-showcase} macro's parameters, checked before Jira is asked: {@code projects} (keys,
 * comma-separated; empty = every project the viewer may browse) and {@code period} — a quarter {@code 2026-Q3}, a month
 * {@code 2026-09}, a year {@code 2026}, or months {@code 2026-07..2026-09}; empty = the current quarter. A bad value
 * is a {@link Problem} naming the parameter, rendered as a message (never an exception). Jira checks them again.
 */
public record ShowcaseParameters(List<String> projects, String period, List<Problem> problems) {

    /** @param messageKey arguments: {0} the parameter, {1} the value */
    public record Problem(String parameter, String messageKey, String value) {
    }

    static final int MAX_PROJECTS = 100;
    private static final Pattern PROJECT_KEY = Pattern.compile("[A-Z][A-Z0-9_]{0,254}");
    private static final Pattern PERIOD = Pattern.compile(
            "[0-9]{4}-Q[1-4]|[0-9]{4}-(0[1-9]|1[0-2])|[0-9]{4}|[0-9]{4}-(0[1-9]|1[0-2])\\.\\.[0-9]{4}-(0[1-9]|1[0-2])");

    public ShowcaseParameters {
        projects = List.copyOf(projects);
        Objects.requireNonNull(period, "period");
        problems = List.copyOf(problems);
    }

    public static ShowcaseParameters parse(Map<String, String> parameters) {
        Map<String, String> given = parameters == null ? Map.of() : parameters;
        List<Problem> problems = new ArrayList<>();
        List<String> projects = new ArrayList<>();
        String projectList = given.getOrDefault(ShowcaseKeys.PARAM_PROJECTS, "");
        for (String part : (projectList == null ? "" : projectList).split(",")) {
            String key = part.strip().toUpperCase(Locale.ROOT);
            if (key.isEmpty() || projects.contains(key)) {
                continue;
            }
            if (!PROJECT_KEY.matcher(key).matches()) {
                problems.add(new Problem(ShowcaseKeys.PARAM_PROJECTS, "failforward.showcase.error.projects",
                        part.strip()));
            } else {
                projects.add(key);
            }
        }
        if (projects.size() > MAX_PROJECTS) {
            problems.add(new Problem(ShowcaseKeys.PARAM_PROJECTS, "failforward.showcase.error.projects.toomany",
                    String.valueOf(projects.size())));
        }
        String raw = given.get(ShowcaseKeys.PARAM_PERIOD);
        String period = raw == null ? "" : raw.strip().toUpperCase(Locale.ROOT);
        if (!period.isEmpty() && (!PERIOD.matcher(period).matches() || period.startsWith("0000"))) {
            problems.add(new Problem(ShowcaseKeys.PARAM_PERIOD, "failforward.showcase.error.period", raw.strip()));
        } else if (period.contains("..") && period.substring(period.indexOf("..") + 2)
                .compareTo(period.substring(0, period.indexOf(".."))) < 0) {
            problems.add(new Problem(ShowcaseKeys.PARAM_PERIOD, "failforward.showcase.error.period.order", raw.strip()));
        }
        return new ShowcaseParameters(projects, period, problems);
    }

    public boolean valid() {
        return problems.isEmpty();
    }

    /**
     * Jira's query string ({@code projects=OPS,LAB&period=2026-Q3}, or {@code from}/{@code to} for a range), in a
     * fixed order: it is also the key of the macro's cached copies.
     */
    public String query() {
        List<String> parts = new ArrayList<>();
        if (!projects.isEmpty()) {
            parts.add("projects=" + encode(String.join(",", projects)));
        }
        if (period.contains("..")) {
            parts.add("from=" + encode(period.substring(0, period.indexOf(".."))));
            parts.add("to=" + encode(period.substring(period.indexOf("..") + 2)));
        } else if (!period.isEmpty()) {
            parts.add("period=" + encode(period));
        }
        return String.join("&", parts);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
