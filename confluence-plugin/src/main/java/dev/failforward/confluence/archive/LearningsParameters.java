package dev.failforward.confluence.archive;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The {@code failforward-learnings} macro's parameters, parsed: the projects the archive shows and the filters it
 * starts with, or the problems that stop it from rendering (each naming the parameter, shown as an error message on the
 * page; a macro never throws for bad input). Null or blank values count as absent; {@code any} (the macro browser's
 * default) means "no filter".
 *
 * @param projects     upper-case project keys; empty: every project the reader may browse in Jira
 * @param recordKind   {@code experiment}, {@code incident} or null (any)
 * @param learningKind {@code insight}, {@code surprise}, {@code went_well}, {@code got_lucky} or null (any)
 * @param failureType  {@code basic}, {@code complex}, {@code intelligent} or null (any)
 * @param category     {@code design_flaw}, {@code data_gap}, {@code process_deviation}, {@code external_shock},
 *                     {@code other} or null (any)
 * @param period       the time window; {@link ArchivePeriod#ALL} when absent
 * @param query        the initial search text, stripped; empty for none
 * @param max          learnings per page, 1..100
 * @param problems     empty when the parameters are valid
 */
public record LearningsParameters(List<String> projects, String recordKind, String learningKind, String failureType,
                                  String category, ArchivePeriod period, String query, int max,
                                  List<Problem> problems) {

    public static final String PROJECTS = "projects";
    public static final String KIND = "kind";
    public static final String LEARNING_KIND = "learningKind";
    public static final String FAILURE_TYPE = "failureType";
    public static final String CATEGORY = "category";
    public static final String PERIOD = "period";
    public static final String QUERY = "query";
    public static final String MAX = "max";
    /** The value that means "no filter" for the enum parameters. */
    public static final String ANY = "any";

    public LearningsParameters {
        projects = List.copyOf(projects);
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(query, "query");
        problems = List.copyOf(problems);
    }

    public boolean valid() {
        return problems.isEmpty();
    }

    /** Parses the macro's parameter map. */
    public static LearningsParameters parse(Map<String, String> parameters) {
        Map<String, String> given = parameters == null ? Map.of() : parameters;
        List<Problem> problems = new ArrayList<>();

        List<String> projects = List.of();
        String rawProjects = present(given.get(PROJECTS));
        if (rawProjects != null) {
            Optional<List<String>> keys = ArchiveFilters.projectKeys(List.of(rawProjects));
            if (keys.isEmpty()) {
                problems.add(new Problem(PROJECTS, "failforward.archive.error.projects", rawProjects));
            } else if (keys.get().size() > ArchiveFilters.MAX_PROJECTS) {
                problems.add(new Problem(PROJECTS, "failforward.archive.error.projects.toomany", rawProjects));
            } else {
                projects = keys.get();
            }
        }
        String recordKind = filter(given, KIND, ArchiveFilters::recordKind, "failforward.archive.error.kind", problems);
        String learningKind = filter(given, LEARNING_KIND, ArchiveFilters::learningKind,
                "failforward.archive.error.learningkind", problems);
        String failureType = filter(given, FAILURE_TYPE, ArchiveFilters::failureType,
                "failforward.archive.error.failuretype", problems);
        String category = filter(given, CATEGORY, ArchiveFilters::category, "failforward.archive.error.category",
                problems);

        ArchivePeriod period = ArchivePeriod.DEFAULT;
        String rawPeriod = present(given.get(PERIOD));
        if (rawPeriod != null) {
            Optional<ArchivePeriod> found = ArchivePeriod.fromId(rawPeriod);
            if (found.isPresent()) {
                period = found.get();
            } else {
                problems.add(new Problem(PERIOD, "failforward.archive.error.period", rawPeriod));
            }
        }

        String query = "";
        String rawQuery = present(given.get(QUERY));
        if (rawQuery != null) {
            if (rawQuery.length() > ArchiveFilters.MAX_QUERY) {
                problems.add(new Problem(QUERY, "failforward.archive.error.query", rawQuery));
            } else {
                query = rawQuery;
            }
        }

        int max = ArchiveFilters.DEFAULT_RESULTS;
        String rawMax = present(given.get(MAX));
        if (rawMax != null) {
            int parsed = wholeNumber(rawMax);
            if (parsed >= 1 && parsed <= ArchiveFilters.MAX_RESULTS) {
                max = parsed;
            } else {
                problems.add(new Problem(MAX, "failforward.archive.error.max", rawMax));
            }
        }
        return new LearningsParameters(projects, recordKind, learningKind, failureType, category, period, query, max,
                problems);
    }

    private static String filter(Map<String, String> given, String parameter, Function<String, Optional<String>> parser,
                                 String messageKey, List<Problem> problems) {
        String raw = present(given.get(parameter));
        if (raw == null || raw.equalsIgnoreCase(ANY)) {
            return null;
        }
        Optional<String> value = parser.apply(raw);
        if (value.isEmpty()) {
            problems.add(new Problem(parameter, messageKey, raw));
            return null;
        }
        return value.get();
    }

    /** The number, or -1 when the text is not a whole number in int range. */
    private static int wholeNumber(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String present(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /**
     * A bad parameter: its name, the i18n key of the message (arguments: {0} the parameter name, {1} the value as
     * given) and the value as given (user text: escape it before it reaches HTML).
     */
    public record Problem(String parameter, String messageKey, String value) {
        public Problem {
            Objects.requireNonNull(parameter, "parameter");
            Objects.requireNonNull(messageKey, "messageKey");
            Objects.requireNonNull(value, "value");
        }
    }
}
