package com.atlassian.jira.workflow;

import com.opensymphony.workflow.FactoryException;
import com.opensymphony.workflow.loader.WorkflowDescriptor;

/**
 * Stand-in for {@code com.atlassian.jira.workflow.WorkflowUtil} from {@code com.atlassian.jira:jira-api} 11.3; checked
 * against the indexed jira-api source ({@code public static WorkflowDescriptor convertXMLtoWorkflowDescriptor(String)
 * throws FactoryException}; reference atlassian-api.md §2.7). Compile-only: it throws.
 */
public class WorkflowUtil {

    private WorkflowUtil() {
    }

    public static WorkflowDescriptor convertXMLtoWorkflowDescriptor(String workflowDescriptorXML) throws FactoryException {
        throw new UnsupportedOperationException("compile-only stand-in for Jira's WorkflowUtil");
    }
}
