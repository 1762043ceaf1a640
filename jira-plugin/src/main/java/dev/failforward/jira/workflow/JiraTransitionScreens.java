package dev.failforward.jira.workflow;

import com.atlassian.jira.issue.fields.screen.FieldScreen;
import com.atlassian.jira.issue.fields.screen.FieldScreenManager;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.opensymphony.workflow.loader.ActionDescriptor;
import com.opensymphony.workflow.loader.WorkflowDescriptor;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.Map;

/**
 * Finds the running transition's screen as Jira does: the transient variables carry the workflow descriptor and the
 * action id; the action's {@code jira.fieldscreen.id} meta attribute names the screen.
 */
@Named
public class JiraTransitionScreens implements TransitionScreens {

    private final FieldScreenManager screens;

    @Inject
    public JiraTransitionScreens(@ComponentImport FieldScreenManager screens) {
        this.screens = screens;
    }

    @Override
    public boolean shows(Map transientVars, String jiraFieldId) {
        if (!(transientVars.get("descriptor") instanceof WorkflowDescriptor workflow)
                || !(transientVars.get("actionId") instanceof Integer actionId)) {
            return false;
        }
        ActionDescriptor action = workflow.getAction(actionId);
        if (action == null || !(action.getMetaAttributes().get("jira.fieldscreen.id") instanceof String screenId)) {
            return false;
        }
        try {
            FieldScreen screen = screens.getFieldScreen(Long.valueOf(screenId.strip()));
            return screen != null && screen.containsField(jiraFieldId);
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
