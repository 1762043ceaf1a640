package com.atlassian.jira.project.template.hook;

/**
 * Stand-in for {@code com.atlassian.jira.project.template.hook.AddProjectHook} from {@code com.atlassian.jira:jira-api}
 * 11.3: the class a {@code <project-blueprint>} module names in {@code <add-project><hook class="…"/>}. Checked against
 * Atlassian's javadoc: Jira Software 11.2.0 {@code BasicSoftwareDevelopmentProjectCreateHook} ("All Implemented
 * Interfaces: com.atlassian.jira.project.template.hook.AddProjectHook") and Jira Software 9.12.10
 * {@code GreenHopperProjectCreateHook} ({@code ValidateResponse validate(ValidateData)} and
 * {@code ConfigureResponse configure(ConfigureData)}, both "in interface AddProjectHook"); the same two methods are what
 * every public hook implements (e.g. {@code dawidsamolyk/Event-Planner-for-JIRA}, {@code manhtuan1605/Jira} on Jira 7.7).
 * Only the members Fail Forward calls.
 */
public interface AddProjectHook {

    /** Called before Jira creates the project; errors in the response stop the creation. */
    ValidateResponse validate(ValidateData validateData);

    /** Called after Jira created the project and applied the template's JSON descriptor. */
    ConfigureResponse configure(ConfigureData configureData);
}
