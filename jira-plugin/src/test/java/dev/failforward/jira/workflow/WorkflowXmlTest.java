package dev.failforward.jira.workflow;

import com.opensymphony.workflow.Condition;
import com.opensymphony.workflow.FunctionProvider;
import com.opensymphony.workflow.Validator;
import com.opensymphony.workflow.loader.ActionDescriptor;
import com.opensymphony.workflow.loader.ConditionDescriptor;
import com.opensymphony.workflow.loader.FunctionDescriptor;
import com.opensymphony.workflow.loader.StepDescriptor;
import com.opensymphony.workflow.loader.ValidatorDescriptor;
import com.opensymphony.workflow.loader.WorkflowDescriptor;
import com.opensymphony.workflow.loader.WorkflowLoader;
import dev.failforward.core.experiment.ExperimentRules;
import dev.failforward.core.experiment.ExperimentStatus;
import dev.failforward.core.experiment.ExperimentTransition;
import dev.failforward.core.incident.IncidentRules;
import dev.failforward.core.incident.IncidentStatus;
import dev.failforward.core.incident.IncidentTransition;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The workflow XML resources, loaded with the real OSWorkflow loader (DTD-validated), against the core lifecycles. */
class WorkflowXmlTest {

    private static final Map<String, String> SCREENS = Map.of("experiment_plan", "10100", "experiment_decide", "10102",
            "incident_analysis", "10103");

    private static Map<String, String> statusIds(Enum<?>[] statuses) {
        Map<String, String> ids = new LinkedHashMap<>();
        for (Enum<?> status : statuses) {
            ids.put(status.name(), Integer.toString(10000 + status.ordinal()));
        }
        return ids;
    }

    private static WorkflowDescriptor load(WorkflowXml xml, Enum<?>[] statuses) throws Exception {
        String rendered = xml.render(statusIds(statuses), SCREENS);
        assertThat(rendered).doesNotContain("${");
        return WorkflowLoader.load(new ByteArrayInputStream(rendered.getBytes(StandardCharsets.UTF_8)));
    }

    private static ActionDescriptor action(WorkflowDescriptor workflow, int id) {
        ActionDescriptor action = workflow.getAction(id);
        assertThat(action).as("transition " + id).isNotNull();
        return action;
    }

    private static List<String> classes(List<?> descriptors) {
        List<String> names = new ArrayList<>();
        for (Object descriptor : descriptors) {
            Map<?, ?> args = descriptor instanceof ValidatorDescriptor v ? v.getArgs()
                    : descriptor instanceof FunctionDescriptor f ? f.getArgs() : ((ConditionDescriptor) descriptor).getArgs();
            String name = (String) args.get("class.name");
            names.add(name.startsWith("dev.failforward.jira.workflow.") ? name.substring("dev.failforward.jira.workflow.".length()) : name);
        }
        return names;
    }

    private static List<String> ours(List<String> names) {
        return names.stream().filter(n -> !n.startsWith("com.atlassian.")).toList();
    }

    private static List<String> conditions(ActionDescriptor action) {
        if (action.getRestriction() == null) {
            return List.of();
        }
        List<Object> flat = new ArrayList<>();
        flatten(action.getRestriction().getConditions(), flat);
        return ours(classes(flat));
    }

    /** OSWorkflow 2.7 nests {@code <conditions>} groups; Jira's fork reads the same XML. */
    private static void flatten(List<?> items, List<Object> into) {
        for (Object item : items) {
            if (item instanceof com.opensymphony.workflow.loader.ConditionsDescriptor group) {
                flatten(group.getConditions(), into);
            } else {
                into.add(item);
            }
        }
    }

    private static List<String> postFunctions(ActionDescriptor action) {
        return classes(action.getUnconditionalResult().getPostFunctions());
    }

    /** from-status → to-status of every transition, by the step's jira.status.id. */
    private static Set<String> edges(WorkflowDescriptor workflow, Enum<?>[] statuses) {
        Map<String, String> byId = new LinkedHashMap<>();
        statusIds(statuses).forEach((name, id) -> byId.put(id, name));
        Set<String> edges = new HashSet<>();
        for (Object s : workflow.getSteps()) {
            StepDescriptor step = (StepDescriptor) s;
            String from = byId.get((String) step.getMetaAttributes().get("jira.status.id"));
            for (Object a : step.getActions()) {
                ActionDescriptor action = (ActionDescriptor) a;
                StepDescriptor target = workflow.getStep(action.getUnconditionalResult().getStep());
                edges.add(from + "->" + byId.get((String) target.getMetaAttributes().get("jira.status.id")));
            }
        }
        return edges;
    }

    @Test
    void theExperimentWorkflowHasTheCoreLifecycle() throws Exception {
        WorkflowDescriptor workflow = load(WorkflowXml.EXPERIMENT, ExperimentStatus.values());
        Set<String> expected = new HashSet<>();
        ExperimentRules rules = ExperimentRules.defaults();
        for (ExperimentStatus status : ExperimentStatus.values()) {
            for (ExperimentTransition t : rules.allowedFrom(status)) {
                expected.add(t.from() + "->" + t.to());
            }
        }
        assertThat(edges(workflow, ExperimentStatus.values())).isEqualTo(expected);
    }

    @Test
    void theIncidentWorkflowHasTheCoreLifecycle() throws Exception {
        WorkflowDescriptor workflow = load(WorkflowXml.INCIDENT, IncidentStatus.values());
        Set<String> expected = new HashSet<>();
        IncidentRules rules = IncidentRules.defaults();
        for (IncidentStatus status : IncidentStatus.values()) {
            for (IncidentTransition t : rules.allowedFrom(status)) {
                expected.add(t.from() + "->" + t.to());
            }
        }
        assertThat(edges(workflow, IncidentStatus.values())).isEqualTo(expected);
    }

    @Test
    void experimentTransitionsCarryTheirChecks() throws Exception {
        WorkflowDescriptor workflow = load(WorkflowXml.EXPERIMENT, ExperimentStatus.values());
        List<String> plan = List.of("HypothesisValidator", "CriteriaValidator", "PlanScaleValidator");

        ActionDescriptor markReady = action(workflow, 11);
        assertThat(ours(classes(markReady.getValidators()))).containsExactlyElementsOf(plan);
        assertThat(markReady.getView()).isEqualTo("fieldscreen");
        assertThat(markReady.getMetaAttributes().get("jira.fieldscreen.id")).isEqualTo("10100");

        ActionDescriptor start = action(workflow, 21);
        assertThat(conditions(start)).containsExactly("PlanCompleteCondition");
        assertThat(ours(classes(start.getValidators()))).containsExactlyElementsOf(plan);
        assertThat(postFunctions(start).get(0)).isEqualTo("StampTimeFunction");
        assertThat(((FunctionDescriptor) start.getUnconditionalResult().getPostFunctions().get(0)).getArgs().get("field")).isEqualTo("startedAt");

        ActionDescriptor decide = action(workflow, 41);
        assertThat(decide.getView()).isEqualTo("fieldscreen");
        assertThat(decide.getMetaAttributes().get("jira.fieldscreen.id")).isEqualTo("10102");
        assertThat(ours(classes(decide.getValidators()))).containsExactly("DecisionValidator");
        assertThat(((FunctionDescriptor) decide.getUnconditionalResult().getPostFunctions().get(0)).getArgs().get("field")).isEqualTo("decidedAt");

        for (int free : new int[] {12, 31, 32}) {
            assertThat(action(workflow, free).getValidators()).as("transition " + free).isEmpty();
        }
    }

    @Test
    void incidentTransitionsCarryTheirChecks() throws Exception {
        WorkflowDescriptor workflow = load(WorkflowXml.INCIDENT, IncidentStatus.values());

        ActionDescriptor report = (ActionDescriptor) workflow.getInitialActions().get(0);
        assertThat(ours(classes(report.getValidators()))).containsExactly("IncidentReportValidator");
        assertThat(postFunctions(report).get(0)).isEqualTo("StampTimeFunction");
        assertThat(postFunctions(report).indexOf("StampTimeFunction"))
                .isLessThan(postFunctions(report).indexOf("com.atlassian.jira.workflow.function.issue.IssueCreateFunction"));

        assertThat(ours(classes(action(workflow, 21).getValidators()))).containsExactly("AnalysisValidator");
        ActionDescriptor close = action(workflow, 31);
        assertThat(ours(classes(close.getValidators()))).containsExactly("LearningsValidator");
        ValidatorDescriptor learnings = (ValidatorDescriptor) close.getValidators().stream()
                .filter(v -> ((ValidatorDescriptor) v).getArgs().get("class.name").toString().endsWith("LearningsValidator")).findFirst().orElseThrow();
        assertThat(learnings.getArgs()).containsEntry("minLearnings", "3").containsEntry("minNextSteps", "2");
    }

    @Test
    void everyTransitionStoresTheIssueAfterOurFunctions() throws Exception {
        for (WorkflowXml xml : WorkflowXml.values()) {
            Enum<?>[] statuses = xml == WorkflowXml.EXPERIMENT ? ExperimentStatus.values() : IncidentStatus.values();
            WorkflowDescriptor workflow = load(xml, statuses);
            for (Object s : workflow.getSteps()) {
                for (Object a : ((StepDescriptor) s).getActions()) {
                    List<String> functions = postFunctions((ActionDescriptor) a);
                    int store = functions.indexOf("com.atlassian.jira.workflow.function.issue.GenerateChangeHistoryFunction");
                    assertThat(store).as(xml + " " + ((ActionDescriptor) a).getName()).isPositive();
                    assertThat(functions.subList(store, functions.size())).doesNotContain("StampTimeFunction");
                    assertThat(functions).contains("com.atlassian.jira.workflow.function.issue.UpdateIssueStatusFunction",
                            "com.atlassian.jira.workflow.function.issue.IssueReindexFunction",
                            "com.atlassian.jira.workflow.function.event.FireIssueEventFunction");
                }
            }
        }
    }

    @Test
    void everyOfOurClassesNamedInTheXmlExistsWithTheRightRole() throws Exception {
        for (WorkflowXml xml : WorkflowXml.values()) {
            String template = xml.template();
            java.util.regex.Matcher m = java.util.regex.Pattern
                    .compile("<(validator|condition|function) [^>]*><arg name=\"class.name\">(dev\\.failforward\\.[\\w.]+)</arg>")
                    .matcher(template);
            int found = 0;
            while (m.find()) {
                found++;
                Class<?> type = Class.forName(m.group(2));
                Class<?> role = switch (m.group(1)) {
                    case "validator" -> Validator.class;
                    case "condition" -> Condition.class;
                    default -> FunctionProvider.class;
                };
                assertThat(role).as(m.group(2)).isAssignableFrom(type);
            }
            assertThat(found).as(xml.resource()).isGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void placeholdersNameEveryStatusAndTheScreens() {
        assertThat(WorkflowXml.EXPERIMENT.placeholders()).containsExactlyInAnyOrder(
                "status.DRAFT", "status.READY", "status.RUNNING", "status.EVALUATING", "status.DECIDED",
                "screen.experiment_plan", "screen.experiment_decide");
        assertThat(WorkflowXml.INCIDENT.placeholders()).containsExactlyInAnyOrder(
                "status.REPORTED", "status.ANALYSING", "status.LEARNING_REVIEW", "status.CLOSED", "screen.incident_analysis");
    }

    @Test
    void eachTransitionThatAsksForInputHasItsOwnScreenAndTheOthersNone() throws Exception {
        Map<Integer, String> experiment = new java.util.LinkedHashMap<>();
        experiment.put(1, null);
        experiment.put(11, "experiment_plan");
        experiment.put(12, null);
        experiment.put(21, null);
        experiment.put(31, null);
        experiment.put(32, null);
        experiment.put(41, "experiment_decide");
        assertThat(WorkflowXml.EXPERIMENT.transitionScreens()).containsExactlyEntriesOf(experiment);

        Map<Integer, String> incident = new java.util.LinkedHashMap<>();
        incident.put(1, null);
        incident.put(11, null);
        incident.put(21, "incident_analysis");
        incident.put(22, null);
        incident.put(31, null);
        assertThat(WorkflowXml.INCIDENT.transitionScreens()).containsExactlyEntriesOf(incident);

        // what the parsed workflow shows agrees: a view only where a screen is named
        for (WorkflowXml xml : WorkflowXml.values()) {
            WorkflowDescriptor workflow = xml == WorkflowXml.EXPERIMENT ? load(xml, ExperimentStatus.values())
                    : load(xml, IncidentStatus.values());
            xml.transitionScreens().forEach((id, screen) -> {
                ActionDescriptor action = id == 1 ? workflow.getInitialAction(1) : workflow.getAction(id);
                assertThat(java.util.Objects.toString(action.getView(), "")).as(xml + " " + id)
                        .isEqualTo(screen == null ? "" : "fieldscreen");
                assertThat(action.getMetaAttributes().get("jira.fieldscreen.id")).as(xml + " " + id)
                        .isEqualTo(screen == null ? null : SCREENS.get(screen));
            });
        }
    }

    @Test
    void renderingWithoutAnIdIsAnError() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> WorkflowXml.EXPERIMENT.render(Map.of("DRAFT", "1"), SCREENS))
                .withMessageContaining("No status id for");
    }
}
