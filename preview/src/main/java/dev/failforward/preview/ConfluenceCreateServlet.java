package dev.failforward.preview;

import com.atlassian.confluence.pages.Page;
import com.atlassian.confluence.plugins.createcontent.api.events.BlueprintPageCreateEvent;
import com.atlassian.confluence.plugins.createcontent.impl.ContentBlueprint;
import com.atlassian.sal.api.message.I18nResolver;
import dev.failforward.confluence.blueprint.RetroBlueprint;
import dev.failforward.confluence.blueprint.RetroBlueprintContextProvider;
import dev.failforward.confluence.blueprint.RetroBlueprintPages;
import dev.failforward.confluence.retro.IssueKeys;
import dev.failforward.confluence.retro.RetroKeys;
import dev.failforward.core.text.Html;
import dev.failforward.preview.confluence.PreviewApplicationProperties;
import dev.failforward.preview.confluence.PreviewConfluencePages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The preview Confluence's Create dialog for the retro blueprints, at {@code /confluence/dashboard.action} — where
 * "Write the retro" in Jira sends the user ({@code ?createDialog=true&createDialogBlueprintKey=<blueprint>&issueKey=KEY},
 * the create-content plugin's direct-link parameters). It shows the blueprint's one-page wizard (the soy form's field,
 * filled with the linked key) and, on Create, does what the create-content plugin does: the blueprint's content
 * template's context provider (the plugin's own {@link RetroBlueprintContextProvider}) titles the page, the page is
 * stored, and the create-content plugin's {@link BlueprintPageCreateEvent} is published to the plugin's listeners —
 * which link the page to the Jira issue over the preview's Application Links. Then the new page is shown.
 */
final class ConfluenceCreateServlet extends PageServlet {

    static final String PATH = PreviewApplicationProperties.CONTEXT_PATH + "/dashboard.action";

    private final transient PreviewServices services;
    private final transient I18nResolver i18n;

    ConfluenceCreateServlet(PreviewServices services) {
        super(services.templates);
        this.services = services;
        this.i18n = services.confluenceI18n;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!"true".equals(request.getParameter("createDialog"))) {
            response.sendRedirect(PreviewApplicationProperties.CONTEXT_PATH + "/pages/retros");
            return;
        }
        String token = services.csrf.token(request, response);
        Optional<RetroBlueprint> blueprint = blueprint(request.getParameter("createDialogBlueprintKey"));
        String issueKey = request.getParameter(RetroKeys.WIZARD_ISSUE_KEY_FIELD);
        // as the wizard script does: only a valid key is filled in
        render(response, 200, token, blueprint.orElse(null), IssueKeys.parse(issueKey).orElse(""), null);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        request.setCharacterEncoding("UTF-8");
        Optional<PreviewCsrf.Refusal> refused = services.csrf.check(request);
        if (refused.isPresent()) {
            forbidden(response, services.previewI18n, refused.get());
            return;
        }
        String token = services.csrf.token(request, response);
        Optional<RetroBlueprint> blueprint = blueprint(request.getParameter("createDialogBlueprintKey"));
        if (blueprint.isEmpty()) {
            error(response, HttpServletResponse.SC_BAD_REQUEST, "Create",
                    "createDialogBlueprintKey: not one of the Fail Forward retro blueprints");
            return;
        }
        String raw = request.getParameter(RetroKeys.WIZARD_ISSUE_KEY_FIELD);
        Optional<String> issueKey = IssueKeys.parse(raw);
        if (issueKey.isEmpty()) {
            // the wizard script refuses to submit such a key; a request from elsewhere gets the same message
            String message = raw == null || raw.isBlank() ? i18n.getText("failforward.blueprint.wizard.issue.required")
                    : i18n.getText("failforward.blueprint.wizard.issue.invalid");
            render(response, 400, token, blueprint.get(), raw == null ? "" : raw, message);
            return;
        }
        PreviewConfluencePages.CreatedPage created = create(blueprint.get(), issueKey.get());
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", PreviewApplicationProperties.CONTEXT_PATH + RetroPages.VIEW_PATH + created.id());
    }

    /** What the create-content plugin does when the wizard is submitted. */
    private PreviewConfluencePages.CreatedPage create(RetroBlueprint blueprint, String issueKey) {
        RetroBlueprintContextProvider provider =
                new RetroBlueprintContextProvider(services.confluenceComponents.get(RetroBlueprintPages.class));
        provider.init(Map.of(RetroBlueprintContextProvider.TEMPLATE_PARAM, blueprint.template().id()));
        Map<String, Object> context = new HashMap<>();
        context.put(RetroKeys.WIZARD_ISSUE_KEY_FIELD, issueKey);
        context.put("blueprintKey", RetroKeys.completeKey(blueprint.blueprintKey()));
        context.put("spaceKey", "RETRO");
        context = provider.getContextMap(context);
        String title = String.valueOf(context.get("ContentPageTitle"));
        PreviewConfluencePages.CreatedPage created = services.confluencePages.create(title,
                String.valueOf(context.get(RetroKeys.VARIABLE_ISSUE_KEY)), blueprint.template().id(),
                String.valueOf(context.get(RetroKeys.VARIABLE_INTRO)));
        Page page = new Page();
        page.setId(created.id());
        page.setTitle(created.title());
        services.confluenceEvents.publish(new BlueprintPageCreateEvent(this, page, new ContentBlueprint(), null, context));
        return created;
    }

    private void render(HttpServletResponse response, int status, String token, RetroBlueprint blueprint,
                        String issueKey, String errorMessage) throws IOException {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("tokenHtml", Html.escape(token));
        model.put("issueKeyHtml", Html.escape(issueKey));
        model.put("errorHtml", errorMessage == null ? "" : Html.escape(errorMessage));
        model.put("labelHtml", Html.escape(i18n.getText("failforward.blueprint.wizard.issue.label")));
        model.put("descriptionHtml", Html.escape(i18n.getText("failforward.blueprint.wizard.issue.description")));
        if (blueprint != null) {
            String prefix = blueprint == RetroBlueprint.POSTMORTEM ? "failforward.blueprint.postmortem"
                    : "failforward.blueprint.experiment";
            model.put("blueprintKeyHtml", Html.escape(RetroKeys.completeKey(blueprint.blueprintKey())));
            model.put("titleHtml", Html.escape(i18n.getText(prefix + ".wizard.title")));
            model.put("aboutHeadingHtml", Html.escape(i18n.getText(prefix + ".wizard.about.heading")));
            model.put("aboutHtml", Html.escape(i18n.getText(prefix + ".wizard.about.text")));
        } else {
            model.put("blueprintKeyHtml", "");
            List<Map<String, String>> choices = new ArrayList<>();
            for (RetroBlueprint choice : RetroBlueprint.values()) {
                String name = i18n.getText(choice == RetroBlueprint.POSTMORTEM ? "failforward.blueprint.postmortem.name"
                        : "failforward.blueprint.experiment.name");
                String url = PATH + "?createDialog=true&createDialogBlueprintKey="
                        + encode(RetroKeys.completeKey(choice.blueprintKey()))
                        + (issueKey.isEmpty() ? "" : "&" + RetroKeys.WIZARD_ISSUE_KEY_FIELD + "=" + encode(issueKey));
                choices.add(Map.of("nameHtml", Html.escape(name), "urlHtml", Html.escape(url)));
            }
            model.put("choices", choices);
        }
        response.setStatus(status);
        render(response, "confluence-create.vm", model);
    }

    private static Optional<RetroBlueprint> blueprint(String completeKey) {
        for (RetroBlueprint blueprint : RetroBlueprint.values()) {
            if (RetroKeys.completeKey(blueprint.blueprintKey()).equals(completeKey)) {
                return Optional.of(blueprint);
            }
        }
        return Optional.empty();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
