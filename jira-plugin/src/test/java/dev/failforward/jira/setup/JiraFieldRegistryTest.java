package dev.failforward.jira.setup;

import com.atlassian.jira.issue.CustomFieldManager;
import com.atlassian.jira.issue.customfields.option.Option;
import com.atlassian.jira.issue.fields.CustomField;
import com.atlassian.sal.api.pluginsettings.PluginSettings;
import com.atlassian.sal.api.pluginsettings.PluginSettingsFactory;
import dev.failforward.jira.fields.FailForwardField;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** The registry reads what setup recorded (see JiraSetupServiceTest for the records setup writes). */
class JiraFieldRegistryTest {

    private static final String NS = SetupRecords.NAMESPACE;

    /** Jira's global plugin settings: a map, as every node sees it. */
    private final Map<String, Object> settings = new HashMap<>();
    private final Map<String, CustomField> jiraFields = new HashMap<>();
    private final JiraFieldRegistry registry;

    JiraFieldRegistryTest() {
        PluginSettings global = mock(PluginSettings.class);
        when(global.get(anyString())).thenAnswer(call -> settings.get(call.<String>getArgument(0)));
        when(global.put(anyString(), any())).thenAnswer(call -> settings.put(call.getArgument(0), call.getArgument(1)));
        PluginSettingsFactory factory = mock(PluginSettingsFactory.class);
        when(factory.createGlobalSettings()).thenReturn(global);
        CustomFieldManager customFieldManager = mock(CustomFieldManager.class);
        when(customFieldManager.getCustomFieldObject(anyString())).thenAnswer(call -> jiraFields.get(call.<String>getArgument(0)));
        registry = new JiraFieldRegistry(factory, customFieldManager);
    }

    private CustomField jiraField(String id) {
        CustomField field = mock(CustomField.class);
        when(field.getId()).thenReturn(id);
        jiraFields.put(id, field);
        return field;
    }

    private static Option option(long id) {
        Option option = mock(Option.class);
        when(option.getOptionId()).thenReturn(id);
        when(option.getValue()).thenReturn("Explore (display text " + id + ")");
        return option;
    }

    private void recordOptions(FailForwardField field, Map<String, String> ids) {
        settings.put(NS + "field." + field.key() + ".options", new LinkedHashMap<>(ids));
    }

    @Test
    void findsAFieldByTheIdSetupRecorded() {
        CustomField hypothesis = jiraField("customfield_10100");
        settings.put(NS + "field.hypothesis.id", "customfield_10100");

        assertThat(registry.field(FailForwardField.HYPOTHESIS)).containsSame(hypothesis);
        assertThat(registry.field(FailForwardField.LEARNINGS)).as("not set up").isEmpty();
    }

    @Test
    void aRecordedFieldJiraNoLongerHasIsNotFound() {
        settings.put(NS + "field.hypothesis.id", "customfield_10100");

        assertThat(registry.field(FailForwardField.HYPOTHESIS)).isEmpty();
    }

    @Test
    void cachesNothingSoAFieldAnotherNodeRecreatedIsFoundAtOnce() {
        jiraField("customfield_10100");
        CustomField recreated = jiraField("customfield_10200");
        settings.put(NS + "field.hypothesis.id", "customfield_10100");
        registry.field(FailForwardField.HYPOTHESIS);

        settings.put(NS + "field.hypothesis.id", "customfield_10200"); // written by another node's setup

        assertThat(registry.field(FailForwardField.HYPOTHESIS)).containsSame(recreated);
    }

    @Test
    void mapsAnOptionBackToItsStableValue() {
        recordOptions(FailForwardField.PHASE, Map.of("EXPLORE", "20001", "EXPERIMENT", "20002", "EXECUTE", "20003"));

        assertThat(registry.optionValue(FailForwardField.PHASE, option(20_002))).contains("EXPERIMENT");
        assertThat(registry.optionValue(FailForwardField.PHASE, option(20_001))).contains("EXPLORE");
    }

    @Test
    void anOptionThatIsNotOneOfTheFieldsIsNoValue() {
        recordOptions(FailForwardField.PHASE, Map.of("EXPLORE", "20001"));
        recordOptions(FailForwardField.OUTCOME, Map.of("CONFIRMED", "20011"));

        assertThat(registry.optionValue(FailForwardField.PHASE, option(20_011))).as("another field's option").isEmpty();
        assertThat(registry.optionValue(FailForwardField.PHASE, option(99_999))).as("unknown option").isEmpty();
        assertThat(registry.optionValue(FailForwardField.OUTCOME, option(20_011))).contains("CONFIRMED");
    }

    @Test
    void valuesThatAreNotOptionsAreNoValue() {
        recordOptions(FailForwardField.PHASE, Map.of("EXPLORE", "20001"));

        assertThat(registry.optionValue(FailForwardField.PHASE, null)).isEmpty();
        assertThat(registry.optionValue(FailForwardField.PHASE, "EXPLORE")).isEmpty();
        assertThat(registry.optionValue(FailForwardField.PHASE, 20_001L)).isEmpty();
        assertThat(registry.optionValue(FailForwardField.HYPOTHESIS, option(20_001))).as("not a select field").isEmpty();
    }

    @Test
    void aRecordedValueThatIsNoLongerAnOptionOfTheFieldIsIgnored() {
        recordOptions(FailForwardField.PHASE, Map.of("RETIRED", "20001"));

        assertThat(registry.optionValue(FailForwardField.PHASE, option(20_001))).isEmpty();
    }
}
