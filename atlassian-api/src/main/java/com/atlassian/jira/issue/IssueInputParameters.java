package com.atlassian.jira.issue;

/**
 * Stand-in for {@code com.atlassian.jira.issue.IssueInputParameters} (interface, {@code @PublicApi}) from
 * {@code com.atlassian.jira:jira-api} 11.3: the field values of an issue to create, as the create screen would submit
 * them. Checked against the indexed jira-api source ({@code IssueInputParameters setProjectId(Long projectId)},
 * {@code setIssueTypeId(String)}, {@code setSummary(String)}, {@code setAssigneeId(String)},
 * {@code setReporterId(String)}, {@code setDueDate(String dueDate)}: "the formatted string that JIRA will accept as a
 * date"). Only the members Fail Forward calls.
 */
public interface IssueInputParameters {

    IssueInputParameters setProjectId(Long projectId);

    IssueInputParameters setIssueTypeId(String issueTypeId);

    IssueInputParameters setSummary(String summary);

    /** The assignee's user name. */
    IssueInputParameters setAssigneeId(String assigneeId);

    /** The reporter's user name. */
    IssueInputParameters setReporterId(String reporterId);

    /** The due date in the user's date picker format ({@code DateTimeStyle.DATE_PICKER}). */
    IssueInputParameters setDueDate(String dueDate);

    IssueInputParameters setDescription(String description);

    /** A custom field's values as its edit screen would post them, by its full key ({@code customfield_10100}). */
    IssueInputParameters addCustomFieldValue(String fullCustomFieldKey, String... values);

    /** Validates every field given, not only those on the screen (an import fills fields no create screen shows). */
    IssueInputParameters setSkipScreenCheck(boolean skipScreenCheck);

    /**
     * Whether a field not given keeps its value (Jira's default since 4.2). An import's transitions give no field,
     * so nothing on a transition screen may be cleared. {@code void}, as in the jira-api source
     * ({@code void setRetainExistingValuesWhenParameterNotProvided(boolean retain)}).
     */
    void setRetainExistingValuesWhenParameterNotProvided(boolean retain);
}
