package com.atlassian.jira.plugin.workflow;

import com.opensymphony.workflow.loader.AbstractDescriptor;

import java.util.Map;

/**
 * Stand-in for {@code com.atlassian.jira.plugin.workflow.WorkflowPluginFactory} from {@code com.atlassian.jira:jira-api}
 * 11.3 (reference atlassian-api.md §2.6): supplies the Velocity parameters of a workflow module's view/input/edit
 * templates and turns the workflow editor's form into descriptor arguments.
 */
public interface WorkflowPluginFactory {
    Map<String, ?> getVelocityParams(String resourceName, AbstractDescriptor descriptor);

    Map<String, ?> getDescriptorParams(Map<String, Object> formParams);
}
