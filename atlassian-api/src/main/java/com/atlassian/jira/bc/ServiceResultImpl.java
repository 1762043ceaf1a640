package com.atlassian.jira.bc;

import com.atlassian.jira.util.ErrorCollection;

/**
 * Stand-in for {@code com.atlassian.jira.bc.ServiceResultImpl} from {@code com.atlassian.jira:jira-api} 11.3: valid
 * when its error collection has no errors (indexed jira-api source: {@code public ServiceResultImpl(ErrorCollection
 * errorCollection)}).
 */
public class ServiceResultImpl implements ServiceResult {

    private final ErrorCollection errorCollection;

    public ServiceResultImpl(ErrorCollection errorCollection) {
        this.errorCollection = errorCollection;
    }

    @Override
    public boolean isValid() {
        return errorCollection == null || !errorCollection.hasAnyErrors();
    }

    @Override
    public ErrorCollection getErrorCollection() {
        return errorCollection;
    }
}
