package dev.failforward.confluence.blueprint;

import dev.failforward.confluence.retro.RetroKeys;
import dev.failforward.confluence.retro.RetroTemplate;

import java.util.Objects;
import java.util.Optional;

/**
 * The retro blueprints in Confluence's Create dialog: which {@link RetroTemplate} the page's retro macro follows and
 * the i18n keys of the page title, and the keys of its descriptor modules ({@link RetroKeys}). The descriptor's
 * {@code <context-provider>} names the blueprint by its template id
 * ({@code <param name="template" value="incident-postmortem"/>}). Keys are spelt out in full so the build's i18n check
 * finds each one in the bundle.
 */
public enum RetroBlueprint {

    /** "Blameless post-mortem": an incident post-mortem. */
    POSTMORTEM(RetroTemplate.INCIDENT_POSTMORTEM, RetroKeys.POSTMORTEM_WEB_ITEM, RetroKeys.POSTMORTEM_BLUEPRINT,
            RetroKeys.POSTMORTEM_CONTENT_TEMPLATE, RetroKeys.POSTMORTEM_TEMPLATE_FILE,
            "failforward.blueprint.postmortem.page.title.summary",
            "failforward.blueprint.postmortem.page.title.key",
            "failforward.blueprint.postmortem.page.title.none"),

    /** "Experiment retro": what a failed (or surprising) experiment taught us. */
    EXPERIMENT_RETRO(RetroTemplate.EXPERIMENT_RETRO, RetroKeys.EXPERIMENT_RETRO_WEB_ITEM,
            RetroKeys.EXPERIMENT_RETRO_BLUEPRINT, RetroKeys.EXPERIMENT_RETRO_CONTENT_TEMPLATE,
            RetroKeys.EXPERIMENT_RETRO_TEMPLATE_FILE,
            "failforward.blueprint.experiment.page.title.summary",
            "failforward.blueprint.experiment.page.title.key",
            "failforward.blueprint.experiment.page.title.none");

    private final RetroTemplate template;
    private final String webItemKey;
    private final String blueprintKey;
    private final String contentTemplateKey;
    private final String templateFile;
    private final String titleWithSummaryKey;
    private final String titleWithKeyKey;
    private final String titleWithoutIssueKey;

    RetroBlueprint(RetroTemplate template, String webItemKey, String blueprintKey, String contentTemplateKey,
                   String templateFile, String titleWithSummaryKey, String titleWithKeyKey, String titleWithoutIssueKey) {
        this.template = template;
        this.webItemKey = webItemKey;
        this.blueprintKey = blueprintKey;
        this.contentTemplateKey = contentTemplateKey;
        this.templateFile = templateFile;
        this.titleWithSummaryKey = titleWithSummaryKey;
        this.titleWithKeyKey = titleWithKeyKey;
        this.titleWithoutIssueKey = titleWithoutIssueKey;
    }

    /** The template of the page's {@code failforward-retro} macro (its {@code template} parameter). */
    public RetroTemplate template() {
        return template;
    }

    /** The key of its {@code <web-item>} in the Create dialog (the wizard script registers it). */
    public String webItemKey() {
        return webItemKey;
    }

    /** The key of its {@code <blueprint>} module. */
    public String blueprintKey() {
        return blueprintKey;
    }

    /** The key of its {@code <content-template>} module. */
    public String contentTemplateKey() {
        return contentTemplateKey;
    }

    /** The content template's file (storage format), relative to the plugin's resources. */
    public String templateFile() {
        return templateFile;
    }

    /** Title when Jira gave the summary: {0} the issue key, {1} the summary. */
    public String titleWithSummaryKey() {
        return titleWithSummaryKey;
    }

    /** Title when Jira could not be asked or did not answer: {0} the issue key. */
    public String titleWithKeyKey() {
        return titleWithKeyKey;
    }

    /** Title when the wizard sent no valid issue key (only if its browser-side check was bypassed). */
    public String titleWithoutIssueKey() {
        return titleWithoutIssueKey;
    }

    /** The blueprint whose retro template has this id (exact, as the descriptor spells it); empty when none has. */
    public static Optional<RetroBlueprint> forTemplateId(String templateId) {
        for (RetroBlueprint blueprint : values()) {
            if (Objects.equals(blueprint.template.id(), templateId)) {
                return Optional.of(blueprint);
            }
        }
        return Optional.empty();
    }
}
