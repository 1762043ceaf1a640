package dev.failforward.jira.workflow;

import com.atlassian.jira.issue.fields.screen.FieldScreen;
import com.atlassian.jira.issue.fields.screen.FieldScreenManager;
import com.opensymphony.workflow.loader.ActionDescriptor;
import com.opensymphony.workflow.loader.WorkflowDescriptor;
import com.opensymphony.workflow.loader.WorkflowLoader;
import dev.failforward.core.experiment.ExperimentStatus;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class JiraTransitionScreensTest {

    private final FieldScreenManager manager = mock(FieldScreenManager.class);
    private final FieldScreen screen = mock(FieldScreen.class);
    private final JiraTransitionScreens screens = new JiraTransitionScreens(manager);

    private static WorkflowDescriptor experimentWorkflow() throws Exception {
        Map<String, String> statuses = new LinkedHashMap<>();
        for (ExperimentStatus status : ExperimentStatus.values()) {
            statuses.put(status.name(), Integer.toString(status.ordinal() + 1));
        }
        String xml = WorkflowXml.EXPERIMENT.render(statuses, Map.of("experiment_plan", "10100", "experiment_decide", "10102"));
        return WorkflowLoader.load(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static Map<String, Object> vars(WorkflowDescriptor workflow, int actionId) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("descriptor", workflow);
        vars.put("actionId", actionId);
        return vars;
    }

    @Test
    void aFieldOnTheTransitionScreenIsShown() throws Exception {
        when(manager.getFieldScreen(10100L)).thenReturn(screen);
        when(screen.containsField("customfield_10200")).thenReturn(true);
        WorkflowDescriptor workflow = experimentWorkflow();
        assertThat(screens.shows(vars(workflow, 11), "customfield_10200")).isTrue();
        assertThat(screens.shows(vars(workflow, 11), "customfield_99999")).isFalse();
    }

    @Test
    void aTransitionWithoutAScreenShowsNothing() throws Exception {
        WorkflowDescriptor workflow = experimentWorkflow();
        ActionDescriptor start = workflow.getAction(21);
        assertThat(start.getMetaAttributes()).doesNotContainKey("jira.fieldscreen.id");
        assertThat(screens.shows(vars(workflow, 21), "customfield_10200")).isFalse();
    }

    @Test
    void missingOrOddTransientVariablesShowNothing() throws Exception {
        assertThat(screens.shows(new HashMap<>(), "customfield_10200")).isFalse();
        assertThat(screens.shows(vars(experimentWorkflow(), 999), "customfield_10200")).isFalse();
        when(manager.getFieldScreen(10100L)).thenReturn(null);
        assertThat(screens.shows(vars(experimentWorkflow(), 11), "customfield_10200")).isFalse();
    }
}
