package com.atlassian.jira.icon;

/**
 * Stand-in for {@code com.atlassian.jira.icon.IconType} ({@code @ExperimentalApi} class) from
 * {@code com.atlassian.jira:jira-api} 11.3; checked against docs.atlassian.com/jira/latest/com/atlassian/jira/icon/IconType.html
 * ({@code static IconType ISSUE_TYPE_ICON_TYPE}). Only the members Fail Forward uses.
 */
public class IconType {
    public static final IconType ISSUE_TYPE_ICON_TYPE = new IconType("issuetype");

    private final String key;

    private IconType(String key) {
        this.key = key;
    }

    @Override
    public String toString() {
        return key;
    }
}
