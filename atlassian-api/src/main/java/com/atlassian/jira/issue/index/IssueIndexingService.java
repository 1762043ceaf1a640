package com.atlassian.jira.issue.index;

import com.atlassian.jira.issue.Issue;

/**
 * Stand-in for {@code com.atlassian.jira.issue.index.IssueIndexingService} ({@code @InjectableComponent @PublicApi})
 * from {@code com.atlassian.jira:jira-api} 11.3 (docs.atlassian.com/jira/latest/com/atlassian/jira/issue/index/
 * IssueIndexingService.html: {@code void reIndex(Issue issue)}, "Reindex an issue (eg. after field updates)"; the
 * {@code throws IndexException} as in the interface it replaced, {@code IssueIndexManager}). On Data Center Jira
 * replicates the reindex to the other nodes itself. Only the member Fail Forward calls.
 */
public interface IssueIndexingService {

    void reIndex(Issue issue) throws IndexException;
}
