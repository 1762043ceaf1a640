package com.atlassian.jira.bc.project.component;

/**
 * Stand-in for {@code com.atlassian.jira.bc.project.component.ProjectComponent} from
 * {@code com.atlassian.jira:jira-api} 11.3: a project's component, as {@code Issue.getComponents()} returns them
 * (Jira 7+ code implementing {@code Issue}: {@code Collection<ProjectComponent> getComponents()}). Only the members
 * Fail Forward calls.
 */
public interface ProjectComponent {

    String getName();
}
