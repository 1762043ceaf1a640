package dev.failforward.confluence.blueprint;

import dev.failforward.confluence.retro.RetroTemplate;

import java.util.Objects;
import java.util.Optional;

/**
 * The retro blueprints in Confluence's Create dialog: which {@link RetroTemplate} the page's retro macro follows and
 * the i18n keys of the page title. The descriptor's {@code <context-provider>} names the blueprint by its template id
 * ({@code <param name="template" value="incident-postmortem"/>}). Keys are spelt out in full so the build's i18n check
 * finds each one in the bundle.
 */
public enum RetroBlueprint {

    /** "Blameless post-mortem": an incident post-mortem. */
    POSTMORTEM(RetroTemplate.INCIDENT_POSTMORTEM,
            "failforward.blueprint.postmortem.page.title.summary",
            "failforward.blueprint.postmortem.page.title.key",
            "failforward.blueprint.postmortem.page.title.none"),

    /** "Experiment retro": what a failed (or surprising) experiment taught us. */
    EXPERIMENT_RETRO(RetroTemplate.EXPERIMENT_RETRO,
            "failforward.blueprint.experiment.page.title.summary",
            "failforward.blueprint.experiment.page.title.key",
            "failforward.blueprint.experiment.page.title.none");

    private final RetroTemplate template;
    private final String titleWithSummaryKey;
    private final String titleWithKeyKey;
    private final String titleWithoutIssueKey;

    RetroBlueprint(RetroTemplate template, String titleWithSummaryKey, String titleWithKeyKey, String titleWithoutIssueKey) {
        this.template = template;
        this.titleWithSummaryKey = titleWithSummaryKey;
        this.titleWithKeyKey = titleWithKeyKey;
        this.titleWithoutIssueKey = titleWithoutIssueKey;
    }

    /** The template of the page's {@code failforward-retro} macro (its {@code template} parameter). */
    public RetroTemplate template() {
        return template;
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
