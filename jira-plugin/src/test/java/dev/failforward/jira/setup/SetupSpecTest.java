package dev.failforward.jira.setup;

import dev.failforward.jira.fields.FailForwardField;
import dev.failforward.jira.fields.FailForwardField.Scope;
import dev.failforward.jira.setup.SetupSpec.IssueTypeSpec;
import dev.failforward.jira.setup.SetupSpec.StatusSpec;
import dev.failforward.jira.setup.SetupSpec.StepScreenSpec;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static dev.failforward.jira.fields.FailForwardField.*;
import static org.assertj.core.api.Assertions.assertThat;

class SetupSpecTest {

    @Test
    void eachScreenShowsEveryFieldOfItsScopeButTheRetiredOnesExactlyOnce() {
        for (IssueTypeSpec type : SetupSpec.ISSUE_TYPES) {
            Set<FailForwardField> shown = new HashSet<>(FailForwardField.of(type.scope()));
            SetupSpec.RETIRED_FROM_SCREENS.forEach(shown::remove);
            assertThat(type.screen().fields()).as(type.key())
                    .doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(shown);
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
            assertThat(screens).as("screens a workflow names are its type's transition screens")
                    .containsExactlyInAnyOrderElementsOf(type.transitionScreens().stream().map(StepScreenSpec::key).toList());
        }
    }

    @Test
    void createScreensAskOnlyForWhatTheFirstStepNeeds() {
        assertThat(SetupSpec.EXPERIMENT.createScreen().tab().systemFields()).containsExactly("summary", "issuetype", "description");
        assertThat(SetupSpec.EXPERIMENT.createScreen().fields()).containsExactly(
                HYPOTHESIS, SUCCESS_CRITERIA, STOP_CRITERIA, LEARNING_GOALS, PHASE, BUDGET, TIME_BOX_DAYS);
        assertThat(SetupSpec.INCIDENT.createScreen().tab().systemFields()).containsExactly("summary", "issuetype", "description");
        assertThat(SetupSpec.INCIDENT.createScreen().fields()).containsExactly(DISCOVERED_AT, IMPACT);
    }

    @Test
    void eachTransitionScreenAsksOnlyForItsStep() {
        assertThat(FailForwardScreens.transition("experiment_plan")).contains(
                List.of(HYPOTHESIS, SUCCESS_CRITERIA, STOP_CRITERIA, LEARNING_GOALS, PHASE, BUDGET, TIME_BOX_DAYS));
        assertThat(FailForwardScreens.transition("experiment_decide")).contains(
                List.of(OUTCOME, DECISION, DECISION_RATIONALE, OBSERVED_RESULTS));
        assertThat(FailForwardScreens.transition("incident_analysis")).contains(
                List.of(FAILURE_TYPE, FAILURE_CATEGORY, FAILURE_MODE, FIVE_WHYS, CONTRIBUTING_FACTORS));
        assertThat(FailForwardScreens.transition("experiment")).isEmpty();
        assertThat(FailForwardScreens.transitionScreenKeys())
                .containsExactly("experiment_plan", "experiment_decide", "incident_analysis");
        for (IssueTypeSpec type : SetupSpec.ISSUE_TYPES) {
            assertThat(type.transitionScreens()).allSatisfy(screen -> {
                assertThat(screen.tab().systemFields()).isEmpty();
                assertThat(screen.fields()).as("stamped times are set by post-functions, never asked for")
                        .doesNotContain(STARTED_AT, DECIDED_AT, REPORTED_AT, RESOLVED_AT);
            });
        }
    }

    @Test
    void theFullScreenHasEveryFieldButTheRetiredOnes() {
        for (IssueTypeSpec type : SetupSpec.ISSUE_TYPES) {
            Set<FailForwardField> expected = new HashSet<>(FailForwardField.of(type.scope()));
            SetupSpec.RETIRED_FROM_SCREENS.forEach(expected::remove);
            assertThat(type.screen().fields()).as(type.key()).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(FailForwardScreens.editAndView(type.scope())).isEqualTo(type.screen().fields());
            assertThat(FailForwardScreens.create(type.scope())).isEqualTo(type.createScreen().fields());
            assertThat(type.stepScreens()).allSatisfy(screen -> assertThat(screen.fields())
                    .as(screen.key()).doesNotContainAnyElementsOf(SetupSpec.RETIRED_FROM_SCREENS)
                    .allSatisfy(field -> assertThat(field.scope()).isEqualTo(type.scope())));
        }
        assertThat(SetupSpec.EXPERIMENT.screen().tabs().get(2).fields()).contains(OBSERVED_RESULTS);
        assertThat(SetupSpec.ISSUE_TYPES.stream().flatMap(type -> type.stepScreens().stream()).map(StepScreenSpec::key))
                .doesNotHaveDuplicates().doesNotContain("experiment", "incident");
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
                "failforward.setup.error.unexpected", "failforward.setup.warning.transitionscreens",
                "failforward.setup.error.workflow.draft"));
        assertThat(keys).hasSize(SetupSpec.i18nKeys().size() + 14).allSatisfy(key ->
                assertThat(JiraSetupServiceTest.I18N.hasKey(key)).as(key).isTrue());
        assertThat(SetupSpec.i18nKeys()).allSatisfy(key -> assertThat(key).startsWith("failforward.setup."));
    }
}
