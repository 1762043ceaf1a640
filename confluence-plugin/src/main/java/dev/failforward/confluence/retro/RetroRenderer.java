package dev.failforward.confluence.retro;

import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.sal.api.message.I18nResolver;
import com.atlassian.templaterenderer.TemplateRenderer;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Renders a blameless retro: the template's sections and prompts around the team's own body, and, when the retro is
 * about a Jira issue, an empty header placeholder that {@code js/retro-macro.js} fills from our REST resource. A failure
 * huddle with the team's {@code projects} gets, on a page view, the huddle board's placeholder that
 * {@code js/huddle-board.js} fills from Jira's board (in an export, a line saying where the board is; without projects,
 * a hint on the page view saying how to get it). Pure and fast (no network, no database): page rendering never waits on
 * Jira.
 *
 * <p>As in {@code HypothesisCardRenderer}, the template context holds only maps, lists, booleans, fixed tokens and
 * plain text, which the host's renderer HTML-escapes once (it escapes every reference but a scalar named
 * {@code …Html}; escaping here as well would show {@code &amp;} on the page). The one exception is {@code bodyHtml}:
 * Confluence's own rendered rich-text body (view HTML), which a macro inserts as it is, like every body macro does.
 */
@Named
public class RetroRenderer {

    static final String TEMPLATE = "templates/retro.vm";

    private final TemplateRenderer templateRenderer;
    private final I18nResolver i18n;

    @Inject
    public RetroRenderer(@ComponentImport TemplateRenderer templateRenderer, @ComponentImport I18nResolver i18n) {
        this.templateRenderer = Objects.requireNonNull(templateRenderer, "templateRenderer");
        this.i18n = Objects.requireNonNull(i18n, "i18n");
    }

    /**
     * @param parameters  the parsed macro parameters; when invalid, only the errors and the body are shown
     * @param bodyHtml    the rendered rich-text body, inserted as it is (null: none)
     * @param interactive whether the browser may offer editors the add-learning form and the blameless check
     *                    ({@code data-editable}); the script also requires a logged-in user
     */
    public String render(RetroParameters parameters, String bodyHtml, boolean interactive) {
        Map<String, Object> retro = new LinkedHashMap<>();
        retro.put("valid", parameters.valid());
        retro.put("errors", errors(parameters));
        RetroTemplate template = parameters.template();
        retro.put("templateId", template.id());
        retro.put("title", text(template.titleKey()));
        List<Map<String, Object>> sections = new ArrayList<>();
        for (RetroTemplate.Section section : template.sections()) {
            sections.add(Map.of(
                    "id", section.id(),
                    "heading", text(section.headingKey()),
                    "prompt", text(section.promptKey())));
        }
        retro.put("sections", sections);
        retro.put("guide", text("failforward.retro.guide.title"));
        retro.put("bodyTitle", text("failforward.retro.body.title"));
        retro.put("hasIssue", parameters.issueKey().isPresent());
        String issueKey = parameters.issueKey().orElse("");
        // the key matched IssueKeys' pattern (letters, digits, "_" and "-"); the host escapes it anyway
        retro.put("issueKey", issueKey);
        retro.put("loading", text("failforward.retro.header.loading", issueKey));
        retro.put("noscript", text("failforward.retro.header.noscript", issueKey));
        retro.put("editable", interactive);
        // the failure huddle of a team: a board the browser fills from Jira's huddle board (page views only)
        String projects = String.join(",", parameters.projects());
        String team = String.join(", ", parameters.projects());
        retro.put("huddle", parameters.preparesHuddle() && interactive);
        retro.put("huddleExported", parameters.preparesHuddle() && !interactive);
        retro.put("huddleHint", template == RetroTemplate.FAILURE_HUDDLE && parameters.projects().isEmpty()
                && interactive);
        retro.put("projects", projects);
        retro.put("huddleLoading", text("failforward.retro.huddle.board.loading", team));
        retro.put("huddleNoscript", text("failforward.retro.huddle.board.noscript", team));
        retro.put("huddleExport", text("failforward.retro.huddle.board.export", team));
        retro.put("huddleHintText", text("failforward.retro.huddle.board.hint"));

        StringWriter out = new StringWriter();
        try {
            templateRenderer.render(TEMPLATE, Map.of("retro", retro, "bodyHtml", bodyHtml == null ? "" : bodyHtml), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private List<Map<String, Object>> errors(RetroParameters parameters) {
        List<Map<String, Object>> errors = new ArrayList<>();
        for (RetroParameters.Problem problem : parameters.problems()) {
            errors.add(Map.of(
                    "parameter", problem.parameter(),
                    "title", text("failforward.retro.error.title", problem.parameter()),
                    // {2}: what the parameter accepts, from the catalogue (a message never lists the template ids itself)
                    "message", text(problem.messageKey(), problem.parameter(), problem.value(),
                            String.join(", ", RetroTemplate.ids()))));
        }
        return errors;
    }

    private String text(String key, String... arguments) {
        return i18n.getText(key, (java.io.Serializable[]) arguments);
    }
}
