package com.atlassian.jira.util;

import java.util.Collection;
import java.util.Map;

/**
 * Stand-in for {@code com.atlassian.jira.util.ErrorCollection} (interface) from {@code com.atlassian.jira:jira-api}
 * 11.3: the errors of a Jira service call, per field ({@code getErrors()}: field id to message) and general
 * ({@code getErrorMessages()}). Checked against the indexed jira-api source of {@code IssueService} results
 * ({@code ServiceResultImpl(ErrorCollection)}, {@code getErrorCollection()}). Only the members Fail Forward calls.
 */
public interface ErrorCollection {

    boolean hasAnyErrors();

    /** Errors of single fields: field id ({@code "project"}, {@code "assignee"}, …) to message. */
    Map<String, String> getErrors();

    /** Errors not tied to a field. */
    Collection<String> getErrorMessages();
}
