package com.atlassian.jira.bc;

import com.atlassian.jira.util.ErrorCollection;

/**
 * Stand-in for {@code com.atlassian.jira.bc.ServiceResult} (interface) from {@code com.atlassian.jira:jira-api} 11.3:
 * the outcome of a Jira service call (indexed jira-api source: {@code boolean isValid()},
 * {@code ErrorCollection getErrorCollection()}). Only the members Fail Forward calls.
 */
public interface ServiceResult {

    boolean isValid();

    ErrorCollection getErrorCollection();
}
