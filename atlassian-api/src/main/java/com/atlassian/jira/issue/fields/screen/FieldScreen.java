package com.atlassian.jira.issue.fields.screen;

import java.util.List;

/**
 * Stand-in for {@code com.atlassian.jira.issue.fields.screen.FieldScreen} from {@code com.atlassian.jira:jira-api} 11.3;
 * checked against the indexed jira-api source of {@code FieldScreenImpl} ({@code addTab(String)} stores the tab,
 * {@code store()} creates the screen through the manager on first call,
 * {@code removeFieldScreenLayoutItem(String)} removes the field from its tab). Only the members Fail Forward calls.
 */
public interface FieldScreen {
    Long getId();

    String getName();

    void setName(String name);

    void setDescription(String description);

    List<FieldScreenTab> getTabs();

    FieldScreenTab addTab(String tabName);

    boolean containsField(String fieldId);

    /** Removes the field from whichever tab holds it; nothing when the screen does not hold it. */
    void removeFieldScreenLayoutItem(String fieldId);

    void store();
}
