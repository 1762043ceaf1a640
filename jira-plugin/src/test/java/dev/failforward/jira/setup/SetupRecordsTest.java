package dev.failforward.jira.setup;

import com.atlassian.sal.api.pluginsettings.PluginSettings;
import dev.failforward.jira.fields.FailForwardField;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class SetupRecordsTest {

    private final Map<String, Object> stored = new HashMap<>();
    private final SetupRecords records;

    SetupRecordsTest() {
        PluginSettings settings = mock(PluginSettings.class);
        when(settings.get(anyString())).thenAnswer(call -> stored.get(call.<String>getArgument(0)));
        when(settings.put(anyString(), any())).thenAnswer(call -> stored.put(call.getArgument(0), call.getArgument(1)));
        records = new SetupRecords(settings);
    }

    @Test
    void storesOnlyStringsListsOfStringsAndStringMapsUnderOurNamespace() {
        records.put(SetupRecords.fieldKey(FailForwardField.PHASE), "customfield_10100");
        records.putMap(SetupRecords.optionsKey(FailForwardField.PHASE), Map.of("EXPLORE", "20001"));
        records.putList(SetupRecords.ISSUE_TYPE_SCHEME_TYPES, List.of("10001", "10002"));
        records.put(SetupRecords.linkTypeKey("failforward-pivot"), 10_200L);

        assertThat(stored).containsOnlyKeys("dev.failforward.jira:field.phase.id", "dev.failforward.jira:field.phase.options",
                "dev.failforward.jira:issuetypescheme.types", "dev.failforward.jira:linktype.failforward-pivot.id");
        assertThat(stored.values()).allSatisfy(value -> assertThat(value).isInstanceOfAny(String.class, List.class, Map.class));
        assertThat(stored.keySet()).allSatisfy(key -> assertThat(key.length()).isLessThanOrEqualTo(100));
        assertThat(records.fieldId(FailForwardField.PHASE)).contains("customfield_10100");
        assertThat(records.optionIds(FailForwardField.PHASE)).containsExactly(Map.entry("EXPLORE", "20001"));
        assertThat(records.list(SetupRecords.ISSUE_TYPE_SCHEME_TYPES)).containsExactly("10001", "10002");
        assertThat(records.number(SetupRecords.linkTypeKey("failforward-pivot"))).contains(10_200L);
    }

    @Test
    void readsWhatTheHostGivesBackAsPropertiesAndIgnoresWhatIsNotOurs() {
        Properties properties = new Properties();
        properties.setProperty("EXPLORE", "20001");
        stored.put("dev.failforward.jira:field.phase.options", properties);
        stored.put("dev.failforward.jira:field.phase.id", 42);
        stored.put("dev.failforward.jira:linktype.failforward-pivot.id", "not a number");

        assertThat(records.optionIds(FailForwardField.PHASE)).containsExactly(Map.entry("EXPLORE", "20001"));
        assertThat(records.fieldId(FailForwardField.PHASE)).isEmpty();
        assertThat(records.number(SetupRecords.linkTypeKey("failforward-pivot"))).isEmpty();
        assertThat(records.optionIds(FailForwardField.OUTCOME)).isEmpty();
        assertThat(records.list(SetupRecords.ISSUE_TYPE_SCHEME_TYPES)).isEmpty();
    }

    @Test
    void theMapsItReturnsAreCopies() {
        records.putMap(SetupRecords.optionsKey(FailForwardField.PHASE), Map.of("EXPLORE", "20001"));

        records.optionIds(FailForwardField.PHASE).put("EXECUTE", "1");

        assertThat(records.optionIds(FailForwardField.PHASE)).containsOnlyKeys("EXPLORE");
    }
}
