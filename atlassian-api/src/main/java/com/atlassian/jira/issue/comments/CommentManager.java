package com.atlassian.jira.issue.comments;

import com.atlassian.jira.issue.Issue;
import com.atlassian.jira.user.ApplicationUser;

/**
 * Stand-in for {@code com.atlassian.jira.issue.comments.CommentManager} ({@code @PublicApi}) from
 * {@code com.atlassian.jira:jira-api} 11.3. The signature is checked against the indexed jira-api source
 * ({@code Comment create(Issue issue, ApplicationUser author, String body, boolean dispatchEvent)}, the
 * {@code ApplicationUser} form that replaced the deprecated {@code String author} one in 6.0, and Jira's
 * {@code DefaultCommentManager} implementing it); the interface is {@code @ComponentImport}ed on Jira 11.3.1
 * (codescape/jira-scrum-poker @bb652fd6 {@code ScrumPokerAction}). Only the members Fail Forward calls.
 */
public interface CommentManager {
    /**
     * Adds a comment visible to everyone who can see the issue, dated now. With {@code dispatchEvent} Jira fires an
     * {@code ISSUE_COMMENTED} event, "and any notifications listening for that event will be triggered" (its Javadoc):
     * the project's notification scheme mails the watchers and the other recipients it names.
     */
    Comment create(Issue issue, ApplicationUser author, String body, boolean dispatchEvent);
}
