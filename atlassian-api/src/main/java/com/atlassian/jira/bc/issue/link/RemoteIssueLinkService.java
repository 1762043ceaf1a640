package com.atlassian.jira.bc.issue.link;

import com.atlassian.jira.bc.ServiceResultImpl;
import com.atlassian.jira.issue.link.RemoteIssueLink;
import com.atlassian.jira.user.ApplicationUser;
import com.atlassian.jira.util.ErrorCollection;

/**
 * Stand-in for {@code com.atlassian.jira.bc.issue.link.RemoteIssueLinkService} ({@code @PublicApi}) from
 * {@code com.atlassian.jira:jira-api} 11.3; checked against Jira 6.x source ({@code DefaultRemoteIssueLinkService}:
 * {@code CreateValidationResult validateCreate(ApplicationUser, RemoteIssueLink)}, which checks that linking is on, the
 * issue exists, the user may link it, title and URL are given and the global id is unique on the issue;
 * {@code RemoteIssueLinkResult create(ApplicationUser, CreateValidationResult)}; both result types are static nested
 * classes extending {@code ServiceResultImpl}). Only the members Fail Forward calls.
 */
public interface RemoteIssueLinkService {

    CreateValidationResult validateCreate(ApplicationUser user, RemoteIssueLink remoteIssueLink);

    RemoteIssueLinkResult create(ApplicationUser user, CreateValidationResult createValidationResult);

    /** The link to create, when valid. */
    class CreateValidationResult extends ServiceResultImpl {
        private final RemoteIssueLink remoteIssueLink;

        public CreateValidationResult(RemoteIssueLink remoteIssueLink, ErrorCollection errorCollection) {
            super(errorCollection);
            this.remoteIssueLink = remoteIssueLink;
        }

        public RemoteIssueLink getRemoteIssueLink() {
            return remoteIssueLink;
        }
    }

    /** The link created. */
    class RemoteIssueLinkResult extends ServiceResultImpl {
        private final RemoteIssueLink remoteIssueLink;

        public RemoteIssueLinkResult(RemoteIssueLink remoteIssueLink, ErrorCollection errorCollection) {
            super(errorCollection);
            this.remoteIssueLink = remoteIssueLink;
        }

        public RemoteIssueLink getRemoteIssueLink() {
            return remoteIssueLink;
        }
    }
}
