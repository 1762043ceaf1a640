package dev.failforward.confluence.retro;

/**
 * Every name the retro macro and the retro blueprints share with what is not Java: the descriptor
 * ({@code atlassian-plugin.xml}: macro, parameters, enum values, blueprint modules), the content templates
 * ({@code templates/blueprints/*.xml}: macro parameters, variables), the wizard's soy form and script, the i18n
 * bundle's macro-browser keys, and the preview. Java code refers to these constants and never spells one of them
 * again; {@code RetroKeysTest} reads each of those files and fails when one of them says something else.
 *
 * <p>Never change a released value: pages store the macro name, its parameters and the template ids.
 */
public final class RetroKeys {

    /** The Confluence plugin's key ({@code ${atlassian.plugin.key}}): complete module keys start with it. */
    public static final String PLUGIN_KEY = "dev.failforward.confluence";

    // ----- the failforward-retro macro

    /** The {@code <xhtml-macro name>}, as pages store it ({@code <ac:structured-macro ac:name>}). */
    public static final String MACRO = "failforward-retro";
    /** Macro parameter: the Jira issue key the retro is about. */
    public static final String PARAM_ISSUE = "issue";
    /** Macro parameter: the retro template's id, one of the {@code TEMPLATE_*} values. */
    public static final String PARAM_TEMPLATE = "template";
    /**
     * Macro parameter: the team's Jira project keys, comma-separated; with the {@link #TEMPLATE_FAILURE_HUDDLE}
     * template the page prepares the team's huddle from Jira's huddle board (other templates do not use it).
     */
    public static final String PARAM_PROJECTS = "projects";

    // ----- retro template ids (the template parameter's enum values; RetroTemplate holds their sections)

    public static final String TEMPLATE_EXPERIMENT_RETRO = "experiment-retro";
    public static final String TEMPLATE_INCIDENT_POSTMORTEM = "incident-postmortem";
    public static final String TEMPLATE_24_HOUR_REVIEW = "24-hour-review";
    public static final String TEMPLATE_FAILURE_HUDDLE = "failure-huddle";

    // ----- the blueprints (Create dialog)

    /** The content template's {@code <context-provider>} parameter naming the retro template the page follows. */
    public static final String CONTEXT_PROVIDER_TEMPLATE_PARAM = "template";
    /** The wizard's one {@code <dialog-page id>}, which the wizard script listens to. */
    public static final String WIZARD_PAGE = "retroIssuePage";
    /** The wizard's form field with the Jira issue key: the page-creation context key the server reads. */
    public static final String WIZARD_ISSUE_KEY_FIELD = "issueKey";
    /** Content template variable ({@code <at:var>}): the retro macro's {@code issue} parameter. */
    public static final String VARIABLE_ISSUE_KEY = "ffIssueKey";
    /** Content template variable ({@code <at:var at:rawxhtml="true">}): the paragraph naming the issue. */
    public static final String VARIABLE_INTRO = "ffIntroXhtml";

    /** "Blameless post-mortem": the Create dialog's web-item, the blueprint, its content template and its file. */
    public static final String POSTMORTEM_WEB_ITEM = "postmortem-create-item";
    public static final String POSTMORTEM_BLUEPRINT = "postmortem-blueprint";
    public static final String POSTMORTEM_CONTENT_TEMPLATE = "postmortem-content-template";
    public static final String POSTMORTEM_TEMPLATE_FILE = "templates/blueprints/postmortem.xml";

    /** "Experiment retro": the Create dialog's web-item, the blueprint, its content template and its file. */
    public static final String EXPERIMENT_RETRO_WEB_ITEM = "experiment-retro-create-item";
    public static final String EXPERIMENT_RETRO_BLUEPRINT = "experiment-retro-blueprint";
    public static final String EXPERIMENT_RETRO_CONTENT_TEMPLATE = "experiment-retro-content-template";
    public static final String EXPERIMENT_RETRO_TEMPLATE_FILE = "templates/blueprints/experiment-retro.xml";

    private RetroKeys() {
    }

    /** {@code <plugin key>:<module key>}, as the wizard script registers a web-item. */
    public static String completeKey(String moduleKey) {
        return PLUGIN_KEY + ":" + moduleKey;
    }

    /** The macro browser's label of one value of a macro parameter (Confluence's i18n key convention). */
    public static String parameterValueLabelKey(String parameter, String value) {
        return PLUGIN_KEY + "." + MACRO + ".param." + parameter + ".value." + value;
    }
}
