package com.atlassian.jira.issue.comments;

/**
 * Stand-in for {@code com.atlassian.jira.issue.comments.Comment} ({@code @PublicApi} interface) from
 * {@code com.atlassian.jira:jira-api} 11.3, the result type of {@link CommentManager#create}. Fail Forward does not read
 * it, so no members.
 */
public interface Comment {
}
