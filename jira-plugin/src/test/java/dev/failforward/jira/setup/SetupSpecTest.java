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
        for (FailForwardField.Kind kind : FailForwardField.Kind.values()) {
            assertThat(SetupSpec.fieldType(kind).typeKey()).startsWith(SetupSpec.SYSTEM_TYPES);
            assertThat(SetupSpec.fieldType(kind).searcherKey()).startsWith(SetupSpec.SYSTEM_TYPES);
        }
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
