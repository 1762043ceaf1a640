package dev.failforward.confluence.blueprint;

import com.atlassian.confluence.plugins.createcontent.api.contextproviders.AbstractBlueprintContextProvider;
import com.atlassian.plugin.PluginParseException;
import dev.failforward.confluence.jira.FailureDbClient;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.failforward.confluence.blueprint.RetroBlueprintPagesTest.I18N;
import static dev.failforward.confluence.blueprint.RetroBlueprintPagesTest.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/**
 * The provider as the create-content plugin drives it: {@code init} with the descriptor's params, then
 * {@code getContextMap} with the page-creation context (the wizard's fields by name and the plugin's own keys).
 */
class RetroBlueprintContextProviderTest {

    private final FailureDbClient jira = mock(FailureDbClient.class);
    private final RetroBlueprintContextProvider provider =
            new RetroBlueprintContextProvider(new RetroBlueprintPages(jira, I18N));

    private static Map<String, Object> creationContext(Object issueKey) {
        Map<String, Object> context = new HashMap<>();
        context.put("spaceKey", "TEAM");
        context.put("blueprintKey", "dev.failforward.confluence:postmortem-blueprint");
        if (issueKey != null) {
            context.put(RetroBlueprintContextProvider.ISSUE_KEY_FIELD, issueKey);
        }
        return context;
    }

    @Test
    void isTheContextProviderConfluenceExpectsOfABlueprint() {
        assertThat(provider).isInstanceOf(AbstractBlueprintContextProvider.class);
    }

    @Test
    void fillsTitleAndTemplateVariablesAndKeepsWhatWasThere() {
        provider.init(Map.of(RetroBlueprintContextProvider.TEMPLATE_PARAM, "incident-postmortem"));
        when(jira.record("OPS-12")).thenReturn(record("OPS-12", "Checkout was down"));

        Map<String, Object> context = provider.getContextMap(creationContext("ops-12"));

        assertThat(context)
                .containsEntry("ContentPageTitle", "Post-mortem: OPS-12 Checkout was down")
                .containsEntry(RetroBlueprintContextProvider.ISSUE_KEY_VARIABLE, "OPS-12")
                .containsEntry(RetroBlueprintContextProvider.INTRO_VARIABLE,
                        "<p>This retro is about the Jira issue OPS-12: Checkout was down</p>")
                .containsEntry("spaceKey", "TEAM")
                .containsEntry(RetroBlueprintContextProvider.ISSUE_KEY_FIELD, "ops-12")
                .doesNotContainKey("title"); // a "title" entry would override ContentPageTitle
    }

    @Test
    void theDescriptorParamChoosesTheBlueprint() {
        provider.init(Map.of(RetroBlueprintContextProvider.TEMPLATE_PARAM, "experiment-retro"));
        when(jira.record("GROW-7")).thenReturn(record("GROW-7", "Free shipping"));

        assertThat(provider.getContextMap(creationContext("GROW-7")))
                .containsEntry("ContentPageTitle", "Experiment retro: GROW-7 Free shipping");
    }

    @Test
    void withoutAnIssueKeyThePageIsStillMade() {
        provider.init(Map.of(RetroBlueprintContextProvider.TEMPLATE_PARAM, "incident-postmortem"));

        Map<String, Object> context = provider.getContextMap(creationContext(null));

        verifyNoInteractions(jira);
        assertThat(context)
                .containsEntry("ContentPageTitle", "Post-mortem")
                .containsEntry(RetroBlueprintContextProvider.ISSUE_KEY_VARIABLE, "");
    }

    @Test
    void aFieldThatIsNotTextCountsAsMissing() {
        provider.init(Map.of(RetroBlueprintContextProvider.TEMPLATE_PARAM, "incident-postmortem"));

        Map<String, Object> context = provider.getContextMap(creationContext(List.of("OPS-1", "OPS-2")));

        verifyNoInteractions(jira);
        assertThat(context).containsEntry("ContentPageTitle", "Post-mortem");
    }

    @Test
    void aDescriptorWithoutAKnownTemplateFailsWhenTheModuleIsEnabled() {
        assertThatThrownBy(() -> provider.init(Map.of())).isInstanceOf(PluginParseException.class)
                .hasMessageContaining("<param name=\"template\"");
        assertThatThrownBy(() -> provider.init(null)).isInstanceOf(PluginParseException.class);
        assertThatThrownBy(() -> provider.init(Map.of(RetroBlueprintContextProvider.TEMPLATE_PARAM, "failure-huddle")))
                .isInstanceOf(PluginParseException.class).hasMessageContaining("failure-huddle");
    }

    @Test
    void usedBeforeInitItSaysSo() {
        assertThatThrownBy(() -> provider.getContextMap(creationContext("OPS-1")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("init");
    }

    @Test
    void eachBlueprintIsFoundByItsTemplateId() {
        assertThat(RetroBlueprint.forTemplateId("incident-postmortem")).contains(RetroBlueprint.POSTMORTEM);
        assertThat(RetroBlueprint.forTemplateId("experiment-retro")).contains(RetroBlueprint.EXPERIMENT_RETRO);
        assertThat(RetroBlueprint.forTemplateId("24-hour-review")).isEmpty();
        assertThat(RetroBlueprint.forTemplateId(null)).isEmpty();
    }
}
