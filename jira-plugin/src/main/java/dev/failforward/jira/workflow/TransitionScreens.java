package dev.failforward.jira.workflow;

import java.util.Map;

/** Whether the transition being run shows a field on its screen (so an error can be placed under that field). */
public interface TransitionScreens {
    boolean shows(Map transientVars, String jiraFieldId);
}
