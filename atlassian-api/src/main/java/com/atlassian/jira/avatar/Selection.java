package com.atlassian.jira.avatar;

/**
 * Stand-in for {@code com.atlassian.jira.avatar.Selection} (an avatar's cropping rectangle) from
 * {@code com.atlassian.jira:jira-api} 11.3. Fail Forward passes {@code null} (no cropping: the icons are square).
 */
public class Selection {
    private Selection() {
    }
}
