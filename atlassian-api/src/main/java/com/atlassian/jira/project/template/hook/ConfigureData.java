package com.atlassian.jira.project.template.hook;

import com.atlassian.jira.project.Project;

/**
 * Stand-in for {@code com.atlassian.jira.project.template.hook.ConfigureData} from {@code com.atlassian.jira:jira-api}
 * 11.3, the argument of {@link AddProjectHook#configure}. Checked against Atlassian's jira-api 7.0.8 javadoc
 * ({@code @PublicApi public class ConfigureData}, accessors such as {@code createdIssueTypes()} and
 * {@code issueTypeScheme()}); {@code Project project()} from its use in public hooks
 * ({@code Project project = configureData.project();}). Only the members Fail Forward calls. Compile-only: it throws.
 */
public class ConfigureData {

    private ConfigureData() {
    }

    /** The project Jira has just created from the template. */
    public Project project() {
        throw new UnsupportedOperationException("compile-only stand-in for Jira's ConfigureData");
    }
}
