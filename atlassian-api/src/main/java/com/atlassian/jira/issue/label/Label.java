package com.atlassian.jira.issue.label;

/**
 * Stand-in for {@code com.atlassian.jira.issue.label.Label} (a class) from {@code com.atlassian.jira:jira-api} 11.3;
 * checked against the indexed jira source ({@code LabelsIndexer}: {@code Set<Label> labels = issue.getLabels();} …
 * {@code label.getLabel()}). The constructor (id, issue id, label text) is the one Jira's own code uses; unverified for
 * Jira 11, and only Fail Forward's tests call it. Only the members Fail Forward calls.
 */
public class Label {

    private final Long id;
    private final Long issue;
    private final String label;

    public Label(Long id, Long issue, String label) {
        this.id = id;
        this.issue = issue;
        this.label = label;
    }

    public String getLabel() {
        return label;
    }
}
