package com.atlassian.jira.issue.link;

/**
 * Stand-in for {@code com.atlassian.jira.issue.link.RemoteIssueLink} (an immutable class) from
 * {@code com.atlassian.jira:jira-api} 11.3; checked against the Jira 6.3 source (turgaycelik/mysource, the 15-argument
 * constructor, {@code APPLICATION_TYPE_CONFLUENCE}) and Jira's {@code ConfluenceRemoteIssueLinkBuilder} (relationship and
 * title {@code "Wiki Page"}, application type {@code com.atlassian.confluence}). Only the members Fail Forward and the
 * preview call.
 */
public final class RemoteIssueLink {

    public static String APPLICATION_TYPE_CONFLUENCE = "com.atlassian.confluence";

    private final Long id;
    private final Long issueId;
    private final String globalId;
    private final String title;
    private final String url;
    private final String relationship;
    private final String applicationType;
    private final String applicationName;

    public RemoteIssueLink(final Long id, final Long issueId, final String globalId, final String title,
                           final String summary, final String url, final String iconUrl, final String iconTitle,
                           final String relationship, final Boolean resolved, final String statusIconUrl,
                           final String statusIconTitle, final String statusIconLink, final String applicationType,
                           final String applicationName) {
        this.id = id;
        this.issueId = issueId;
        this.globalId = globalId;
        this.title = title;
        this.url = url;
        this.relationship = relationship;
        this.applicationType = applicationType;
        this.applicationName = applicationName;
    }

    public Long getId() {
        return id;
    }

    public Long getIssueId() {
        return issueId;
    }

    public String getGlobalId() {
        return globalId;
    }

    public String getTitle() {
        return title;
    }

    public String getUrl() {
        return url;
    }

    public String getRelationship() {
        return relationship;
    }

    public String getApplicationType() {
        return applicationType;
    }

    public String getApplicationName() {
        return applicationName;
    }
}
