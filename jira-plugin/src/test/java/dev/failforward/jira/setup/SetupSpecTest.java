package dev.failforward.jira.setup;

import dev.failforward.jira.fields.FailForwardField;
import dev.failforward.jira.fields.FailForwardField.Scope;
import dev.failforward.jira.setup.SetupSpec.IssueTypeSpec;
import dev.failforward.jira.setup.SetupSpec.StatusSpec;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

class SetupSpecTest {

    @Test
    void eachScreenShowsEveryFieldOfItsScopeExactlyOnce() {
        for (IssueTypeSpec type : SetupSpec.ISSUE_TYPES) {
            assertThat(type.screen().fields()).as(type.key())
                    .doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(FailForwardField.of(type.scope()));
        }
        assertThat(SetupSpec.issueType(Scope.EXPERIMENT)).isSameAs(SetupSpec.EXPERIMENT);
        assertThat(SetupSpec.issueType(Scope.INCIDENT)).isSameAs(SetupSpec.INCIDENT);
    }

    @Test
    void theFirstTabOfEachScreenHasTheSystemFieldsJiraNeedsToCreateAnIssue() {
        for (IssueTypeSpec type : SetupSpec.ISSUE_TYPES) {
            assertThat(type.screen().tabs().get(0).systemFields()).contains("summary", "issuetype");
            assertThat(type.screen().tabs().subList(1, type.screen().tabs().size())).allSatisfy(tab -> assertThat(tab.systemFields()).isEmpty());
        }
    }

    @Test
    void theStatusesAreExactlyThoseTheWorkflowXmlNames() {
        for (IssueTypeSpec type : SetupSpec.ISSUE_TYPES) {
            Set<String> placeholders = new TreeSet<>();
            Set<String> screens = new TreeSet<>();
            for (String placeholder : type.workflow().xml().placeholders()) {
                if (placeholder.startsWith("status.")) {
                    placeholders.add(placeholder.substring("status.".length()));
                } else {
                    screens.add(placeholder.substring("screen.".length()));
                }
            }
            assertThat(type.workflow().statuses()).extracting(StatusSpec::key).as(type.key())
                    .containsExactlyInAnyOrderElementsOf(placeholders);
            assertThat(screens).as("screens a workflow names are ours").isSubsetOf(List.of("experiment", "incident"));
        }
    }

    @Test
    void statusesUseJirasCategoryKeysAndHaveUniqueKeys() {
        List<StatusSpec> all = new ArrayList<>();
        SetupSpec.ISSUE_TYPES.forEach(type -> all.addAll(type.workflow().statuses()));
        assertThat(all).extracting(StatusSpec::key).doesNotHaveDuplicates();
        assertThat(all).extracting(StatusSpec::categoryKey).isSubsetOf("new", "indeterminate", "done");
    }

    @Test
    void eachKindOfFieldHasAJiraTypeAndAMatchingSearcher() {
        assertThat(SetupSpec.fieldType(FailForwardField.Kind.SELECT))
                .isEqualTo(new SetupSpec.FieldTypeSpec("com.atlassian.jira.plugin.system.customfieldtypes:select",
                        "com.atlassian.jira.plugin.system.customfieldtypes:multiselectsearcher"));
        for (FailForwardField field : FailForwardField.values()) {
            if (field.kind() != FailForwardField.Kind.COUNT) {
                assertThat(SetupSpec.fieldType(field)).isEqualTo(SetupSpec.fieldType(field.kind()));
                assertThat(SetupSpec.fieldType(field).typeKey()).startsWith(SetupSpec.SYSTEM_TYPES);
                assertThat(SetupSpec.fieldType(field).searcherKey()).startsWith(SetupSpec.SYSTEM_TYPES);
            }
        }
    }

    @Test
    void theCountFieldsUseOurOwnTypesAndSearcherFromTheDescriptor() throws Exception {
        String descriptor;
        try (var in = getClass().getClassLoader().getResourceAsStream("atlassian-plugin.xml")) {
            descriptor = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        for (FailForwardField count : List.of(FailForwardField.LEARNING_COUNT, FailForwardField.NEXT_STEP_COUNT)) {
            SetupSpec.FieldTypeSpec spec = SetupSpec.fieldType(count);
            assertThat(spec.typeKey()).startsWith(SetupSpec.OWN_TYPES);
            assertThat(spec.searcherKey()).isEqualTo(SetupSpec.OWN_TYPES + "count-searcher");
            String module = spec.typeKey().substring(SetupSpec.OWN_TYPES.length());
            assertThat(descriptor).contains("<customfield-type key=\"" + module + "\"")
                    .contains("<valid-customfield-type package=\"dev.failforward.jira\" key=\"" + module + "\"/>");
            assertThat(count.scope()).isEqualTo(Scope.BOTH);
        }
        assertThat(descriptor).contains("<customfield-searcher key=\"count-searcher\"");
        assertThat(SetupSpec.issueTypes(Scope.BOTH)).containsExactly(SetupSpec.EXPERIMENT, SetupSpec.INCIDENT);
    }

    @Test
    void iconsAndWorkflowsAreInThePlugin() {
        for (IssueTypeSpec type : SetupSpec.ISSUE_TYPES) {
            assertThat(getClass().getClassLoader().getResource(type.iconResource())).as(type.iconResource()).isNotNull();
            assertThat(getClass().getClassLoader().getResource(type.workflow().xml().resource())).isNotNull();
            assertThat(type.iconFileName()).isEqualTo(type.key() + ".png");
        }
    }

    @Test
    void everySetupTextHasEnglishText() {
        Set<String> keys = new HashSet<>(SetupSpec.i18nKeys());
        keys.addAll(List.of("failforward.setup.warning.icon", "failforward.setup.warning.nocontext",
                "failforward.setup.warning.screensmapped", "failforward.setup.warning.workflowmapped",
                "failforward.setup.error.busy", "failforward.setup.error.interrupted",
                "failforward.setup.error.workflow.missing", "failforward.setup.error.workflow.invalid",
                "failforward.setup.error.fieldtype", "failforward.setup.error.statuscategory", "failforward.setup.error.jira",
                "failforward.setup.error.unexpected"));
        assertThat(keys).hasSize(SetupSpec.i18nKeys().size() + 12).allSatisfy(key ->
                assertThat(JiraSetupServiceTest.I18N.hasKey(key)).as(key).isTrue());
        assertThat(SetupSpec.i18nKeys()).allSatisfy(key -> assertThat(key).startsWith("failforward.setup."));
    }
}
