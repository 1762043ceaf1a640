package com.atlassian.jira.project.template.hook;

/**
 * Stand-in for {@code com.atlassian.jira.project.template.hook.ConfigureResponse} from {@code com.atlassian.jira:jira-api}
 * 11.3, what {@link AddProjectHook#configure} returns. {@code public static ConfigureResponse create()} from its use in
 * public hooks ({@code ConfigureResponse configureResponse = ConfigureResponse.create();}) and Jira Software's own
 * {@code GreenHopperProjectCreateHook} (9.12.10 javadoc). The response carries no error: besides {@code create()} it only
 * has {@code setRedirect(String)}, which Atlassian's template tutorial code marks deprecated and ignored (projects made
 * from a template always open on the project's page); Fail Forward does not call it. That this is a class (so
 * {@code create()} is a class method) is unverified but matches {@link ConfigureData}. Only the members Fail Forward
 * calls.
 */
public class ConfigureResponse {

    private ConfigureResponse() {
    }

    public static ConfigureResponse create() {
        return new ConfigureResponse();
    }
}
