package com.atlassian.jira.workflow;

import com.opensymphony.workflow.loader.WorkflowDescriptor;

/**
 * Stand-in for {@code com.atlassian.jira.workflow.ConfigurableJiraWorkflow} from {@code com.atlassian.jira:jira-api}
 * 11.3 (reference atlassian-api.md §2.7: {@code ConfigurableJiraWorkflow(String name, WorkflowDescriptor,
 * WorkflowManager)}; the real class extends {@code AbstractJiraWorkflow}). Compile-only apart from the name and descriptor.
 */
public class ConfigurableJiraWorkflow implements JiraWorkflow {

    private final String name;
    private final WorkflowDescriptor descriptor;

    public ConfigurableJiraWorkflow(String name, WorkflowDescriptor workflowDescriptor, WorkflowManager workflowManager) {
        this.name = name;
        this.descriptor = workflowDescriptor;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public WorkflowDescriptor getDescriptor() {
        return descriptor;
    }
}
