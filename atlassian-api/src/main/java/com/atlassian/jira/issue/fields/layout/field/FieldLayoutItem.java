package com.atlassian.jira.issue.fields.layout.field;

/**
 * Stand-in for {@code com.atlassian.jira.issue.fields.layout.field.FieldLayoutItem} from {@code com.atlassian.jira:jira-api}
 * 11.3: a field's place in a field configuration, passed to a field type's {@code getVelocityParameters}. Fail Forward
 * calls none of its members.
 */
public interface FieldLayoutItem {
}
