package com.atlassian.jira.bc.filter;

import com.atlassian.jira.bc.JiraServiceContext;
import com.atlassian.jira.issue.search.SearchRequest;

/**
 * Stand-in for {@code com.atlassian.jira.bc.filter.SearchRequestService} from {@code com.atlassian.jira:jira-api} 11.3
 * (saved filters; public since Jira 4). Only the member Fail Forward calls.
 */
public interface SearchRequestService {

    /** @return the filter, or null when it does not exist or the context's user may not see it */
    SearchRequest getFilter(JiraServiceContext serviceCtx, Long filterId);
}
