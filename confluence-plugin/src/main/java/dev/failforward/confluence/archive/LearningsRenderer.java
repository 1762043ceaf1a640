package dev.failforward.confluence.archive;

import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.sal.api.message.I18nResolver;
import com.atlassian.templaterenderer.TemplateRenderer;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.IOException;
import java.io.Serializable;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Renders the learnings archive's placeholder: the search form with the macro's initial filters, empty places for the
 * facets and results, and the filters as {@code data-*} attributes; {@code js/learnings-archive.js} loads the learnings
 * through our REST resource ({@code /rest/failforward-confluence/1.0/learnings}) and fills them. Pure and fast (no
 * network, no database): page rendering never waits on Jira.
 *
 * <p>As in {@code RetroRenderer}, the template context holds only maps, lists, booleans, numbers, fixed tokens and
 * plain text, which the host's renderer HTML-escapes once (the page author's query included).
 */
@Named
public class LearningsRenderer {

    static final String TEMPLATE = "templates/learnings-archive.vm";
    /** An error message repeats at most this much of a bad value. */
    static final int MAX_SHOWN_VALUE = 80;

    private final TemplateRenderer templateRenderer;
    private final I18nResolver i18n;

    @Inject
    public LearningsRenderer(@ComponentImport TemplateRenderer templateRenderer, @ComponentImport I18nResolver i18n) {
        this.templateRenderer = Objects.requireNonNull(templateRenderer, "templateRenderer");
        this.i18n = Objects.requireNonNull(i18n, "i18n");
    }

    /** @param parameters the parsed macro parameters; when invalid, only the errors are shown */
    public String render(LearningsParameters parameters) {
        Map<String, Object> archive = new LinkedHashMap<>();
        archive.put("valid", parameters.valid());
        archive.put("errors", errors(parameters));
        archive.put("label", text("failforward.archive.label"));
        // the filters the browser starts with: checked tokens (project keys, enum names, period ids)
        archive.put("projects", String.join(",", parameters.projects()));
        archive.put("recordKind", orEmpty(parameters.recordKind()));
        archive.put("learningKind", orEmpty(parameters.learningKind()));
        archive.put("failureType", orEmpty(parameters.failureType()));
        archive.put("category", orEmpty(parameters.category()));
        archive.put("period", parameters.period().id());
        archive.put("max", parameters.max());
        // the search text is the page author's free text
        archive.put("query", parameters.query());
        archive.put("maxQuery", ArchiveFilters.MAX_QUERY);
        archive.put("searchLabel", text("failforward.archive.search.label"));
        archive.put("searchPlaceholder", text("failforward.archive.search.placeholder"));
        archive.put("submit", text("failforward.archive.search.submit"));
        archive.put("periodLabel", text("failforward.archive.period.label"));
        archive.put("periods", periods(parameters.period()));
        archive.put("facetsLabel", text("failforward.archive.facets.label"));
        archive.put("resultsLabel", text("failforward.archive.results.label"));
        archive.put("loading", text("failforward.archive.loading"));
        archive.put("more", text("failforward.archive.more"));
        archive.put("noscript", text("failforward.archive.noscript"));

        StringWriter out = new StringWriter();
        try {
            templateRenderer.render(TEMPLATE, Map.of("archive", archive), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private List<Map<String, Object>> periods(ArchivePeriod selected) {
        List<Map<String, Object>> periods = new ArrayList<>();
        for (ArchivePeriod period : ArchivePeriod.values()) {
            periods.add(Map.of(
                    "id", period.id(),
                    "label", text(periodKey(period)),
                    "selected", period == selected));
        }
        return periods;
    }

    /** Literal keys (the build checks every key it can see in the bytecode). */
    private static String periodKey(ArchivePeriod period) {
        return switch (period) {
            case ALL -> "failforward.archive.period.all";
            case LAST_30_DAYS -> "failforward.archive.period.30d";
            case LAST_90_DAYS -> "failforward.archive.period.90d";
            case LAST_12_MONTHS -> "failforward.archive.period.12m";
            case THIS_YEAR -> "failforward.archive.period.this-year";
        };
    }

    private List<Map<String, Object>> errors(LearningsParameters parameters) {
        List<Map<String, Object>> errors = new ArrayList<>();
        for (LearningsParameters.Problem problem : parameters.problems()) {
            errors.add(Map.of(
                    "parameter", problem.parameter(),
                    "title", text("failforward.archive.error.title", problem.parameter()),
                    "message", text(problem.messageKey(), problem.parameter(), shown(problem.value()))));
        }
        return errors;
    }

    private static String shown(String value) {
        return value.length() > MAX_SHOWN_VALUE ? value.substring(0, MAX_SHOWN_VALUE) + "…" : value;
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private String text(String key, String... arguments) {
        return i18n.getText(key, (Serializable[]) arguments);
    }
}
