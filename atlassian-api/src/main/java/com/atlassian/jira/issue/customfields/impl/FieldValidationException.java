package com.atlassian.jira.issue.customfields.impl;

/**
 * Stand-in for {@code com.atlassian.jira.issue.customfields.impl.FieldValidationException} from
 * {@code com.atlassian.jira:jira-api} 11.3: the unchecked exception a field type throws for a value it cannot read.
 */
public class FieldValidationException extends RuntimeException {

    public FieldValidationException(String message) {
        super(message);
    }
}
