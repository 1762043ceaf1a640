package com.atlassian.jira.issue.customfields.impl;

import com.atlassian.jira.issue.Issue;
import com.atlassian.jira.issue.customfields.CustomFieldType;
import com.atlassian.jira.issue.fields.CustomField;
import com.atlassian.jira.issue.fields.layout.field.FieldLayoutItem;

import java.util.HashMap;
import java.util.Map;

/**
 * Stand-in for {@code com.atlassian.jira.issue.customfields.impl.AbstractCustomFieldType<T, S>} ({@code @PublicSpi})
 * from {@code com.atlassian.jira:jira-api} 11.3: the base class of Jira's field types, so that {@link CalculatedCFType}
 * has its real superclass. The one member used: {@link #getVelocityParameters}, which subclasses call as
 * {@code super.getVelocityParameters(…)} and extend (Jira's returns a new, mutable map).
 */
public abstract class AbstractCustomFieldType<T, S> implements CustomFieldType<T, S> {

    @Override
    public Map<String, Object> getVelocityParameters(Issue issue, CustomField field, FieldLayoutItem fieldLayoutItem) {
        return new HashMap<>();
    }
}
