package com.atlassian.jira.plugin.workflow;

import com.opensymphony.workflow.loader.AbstractDescriptor;

import java.util.HashMap;
import java.util.Map;

/**
 * Stand-in for {@code com.atlassian.jira.plugin.workflow.AbstractWorkflowPluginFactory} from
 * {@code com.atlassian.jira:jira-api} 11.3 (reference atlassian-api.md §2.6). Like Jira's, it dispatches on the
 * resource name: {@code view}, {@code input-parameters}, {@code edit-parameters}.
 */
public abstract class AbstractWorkflowPluginFactory implements WorkflowPluginFactory {

    @Override
    public Map<String, Object> getVelocityParams(String resourceName, AbstractDescriptor descriptor) {
        Map<String, Object> params = new HashMap<>();
        switch (resourceName) {
            case "view" -> getVelocityParamsForView(params, descriptor);
            case "input-parameters" -> getVelocityParamsForInput(params);
            case "edit-parameters" -> getVelocityParamsForEdit(params, descriptor);
            default -> {
                // Jira adds nothing for other resources
            }
        }
        return params;
    }

    protected abstract void getVelocityParamsForInput(Map<String, Object> velocityParams);

    protected abstract void getVelocityParamsForEdit(Map<String, Object> velocityParams, AbstractDescriptor descriptor);

    protected abstract void getVelocityParamsForView(Map<String, Object> velocityParams, AbstractDescriptor descriptor);

    /** Form values arrive as {@code String[]}; returns the first value or {@code ""}. */
    protected String extractSingleParam(Map<String, Object> params, String paramName) {
        Object value = params.get(paramName);
        if (value instanceof String[] values) {
            return values.length > 0 ? values[0] : "";
        }
        return value == null ? "" : value.toString();
    }
}
