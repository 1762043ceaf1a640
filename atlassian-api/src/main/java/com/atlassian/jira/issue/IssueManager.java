package com.atlassian.jira.issue;

/**
 * Stand-in for {@code com.atlassian.jira.issue.IssueManager} from {@code com.atlassian.jira:jira-api} 11.3; checked
 * against reference atlassian-api.md §2.7 ({@code MutableIssue getIssueObject(Long id)}, Jira 8.8 implementation and
 * current use). Only the members Fail Forward calls.
 */
public interface IssueManager {

    /** The issue, or null when there is no issue with that id (e.g. it was deleted). */
    MutableIssue getIssueObject(Long id);

    /**
     * The ids of every issue in the project, read from the database (reference atlassian-api.md §2.7: {@code
     * Collection<Long> getIssueIdsForProject(Long projectId) throws GenericEntityException}).
     */
    java.util.Collection<Long> getIssueIdsForProject(Long projectId) throws org.ofbiz.core.entity.GenericEntityException;
}
