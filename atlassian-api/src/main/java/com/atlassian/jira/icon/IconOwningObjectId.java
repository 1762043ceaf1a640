package com.atlassian.jira.icon;

/**
 * Stand-in for {@code com.atlassian.jira.icon.IconOwningObjectId} from {@code com.atlassian.jira:jira-api} 11.3; the
 * factory {@code from(long)} is as called by a Jira 7+ plugin ({@code IconOwningObjectId.from(0)},
 * {@code IconOwningObjectId.from(project.getId())}) [V-use]. Only the members Fail Forward calls.
 */
public final class IconOwningObjectId {
    private final String id;

    private IconOwningObjectId(String id) {
        this.id = id;
    }

    public static IconOwningObjectId from(long id) {
        return new IconOwningObjectId(Long.toString(id));
    }

    @Override
    public String toString() {
        return id;
    }
}
