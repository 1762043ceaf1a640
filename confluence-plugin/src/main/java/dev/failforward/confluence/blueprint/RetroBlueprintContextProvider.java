package dev.failforward.confluence.blueprint;

import com.atlassian.confluence.plugins.createcontent.api.contextproviders.AbstractBlueprintContextProvider;
import com.atlassian.confluence.plugins.createcontent.api.contextproviders.BlueprintContext;
import com.atlassian.plugin.PluginParseException;
import dev.failforward.confluence.retro.RetroKeys;
import jakarta.inject.Inject;

import java.util.Map;
import java.util.Objects;

/**
 * The context provider of the retro blueprints' content templates: reads the wizard's issue-key field, lets
 * {@link RetroBlueprintPages} decide the title and variables, and puts them into the page-creation context. A shell;
 * which blueprint it serves comes from the descriptor ({@code <param name="template" value="incident-postmortem"/>}).
 *
 * <p>How Confluence makes it (create-content plugin 18.7.17, {@code ContentTemplateModuleDescriptor.enabled}): it loads
 * the class through {@code ConfluenceWebFragmentHelper.loadContextProvider}, which has the plugin's Spring context create
 * the bean with its constructor autowired ({@code ConfluencePluginUtils.instantiatePluginModule}), then calls
 * {@link #init} with the {@code <param>}s. So, like our macros and Atlassian's own context providers, this class is
 * not a component of its own ({@code @Named}); its constructor takes components. {@link #init} runs when the module is
 * enabled: a descriptor naming an unknown template fails the module then, not on the first page.
 *
 * <p>Context keys: the wizard posts its form fields by name ({@link #ISSUE_KEY_FIELD}); the template reads
 * {@link #ISSUE_KEY_VARIABLE} and {@link #INTRO_VARIABLE}; {@code setTitle} sets {@code ContentPageTitle}. The wizard
 * has no {@code title} field on purpose: a {@code title} entry in the context would override {@code ContentPageTitle}
 * ({@code DefaultBlueprintContentGenerator.generateBlueprintPageObject}). That form fields arrive by name is how
 * third-party blueprints use it (e.g. {@code agiledigital-labs/confluence-plugin-idea-search}: form field
 * {@code vIdeaDescription}, template {@code <at:var at:name="vIdeaDescription"/>}).
 *
 * <p>How the template's variables are filled (Confluence 8.7.2 {@code XhtmlTemplateHandler.insertVariables}, decompiled):
 * a plain {@code <at:var>} becomes XML character data, so Confluence escapes it; {@code at:rawxhtml="true"} parses the
 * value as storage XHTML (after its storage-format cleaner), so we escape every text in it ourselves
 * ({@link RetroPage#introXhtml()}); {@code <at:i18n at:key>} becomes the message in the creating user's locale. [3P]
 * Atlassian's "Writing a Blueprint - Intermediate" warns that an {@code <at:var>} inside a macro parameter (our
 * {@code issue}) renders correctly when a page is made, but may be lost when an administrator edits the blueprint's
 * template in the editor (written for Confluence 5.1; whether later versions fixed it is [U]).
 */
@SuppressWarnings("deprecation") // AbstractBlueprintContextProvider(): see the stand-in's Javadoc
public class RetroBlueprintContextProvider extends AbstractBlueprintContextProvider {

    /** The {@code <context-provider>} parameter naming the retro template, e.g. {@code incident-postmortem}. */
    public static final String TEMPLATE_PARAM = RetroKeys.CONTEXT_PROVIDER_TEMPLATE_PARAM;
    /** The wizard's form field with the Jira issue key (soy/retro-blueprint.soy, js/retro-blueprint.js). */
    public static final String ISSUE_KEY_FIELD = RetroKeys.WIZARD_ISSUE_KEY_FIELD;
    /** Content template variable: the retro macro's {@code issue} parameter. */
    public static final String ISSUE_KEY_VARIABLE = RetroKeys.VARIABLE_ISSUE_KEY;
    /** Content template variable ({@code at:rawxhtml}): the paragraph naming the issue. */
    public static final String INTRO_VARIABLE = RetroKeys.VARIABLE_INTRO;

    private final RetroBlueprintPages pages;
    private volatile RetroBlueprint blueprint;

    @Inject
    public RetroBlueprintContextProvider(RetroBlueprintPages pages) {
        this.pages = Objects.requireNonNull(pages, "pages");
    }

    @Override
    public void init(Map<String, String> params) throws PluginParseException {
        String templateId = params == null ? null : params.get(TEMPLATE_PARAM);
        blueprint = RetroBlueprint.forTemplateId(templateId).orElseThrow(() -> new PluginParseException(
                "The retro blueprint's <context-provider> needs <param name=\"" + TEMPLATE_PARAM + "\" value=\"…\"/> with "
                        + "one of " + java.util.Arrays.stream(RetroBlueprint.values()).map(b -> b.template().id()).toList()
                        + ", not " + templateId));
    }

    @Override
    protected BlueprintContext updateBlueprintContext(BlueprintContext context) {
        RetroBlueprint chosen = blueprint;
        if (chosen == null) {
            throw new IllegalStateException("init was not called: the context provider does not know its blueprint");
        }
        Object field = context.get(ISSUE_KEY_FIELD);
        RetroPage page = pages.prepare(chosen, field instanceof String text ? text : null);
        context.setTitle(page.title());
        context.put(ISSUE_KEY_VARIABLE, page.issueKey());
        context.put(INTRO_VARIABLE, page.introXhtml());
        return context;
    }
}
