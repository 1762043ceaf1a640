package com.atlassian.jira.issue.customfields.impl;

import com.atlassian.jira.issue.customfields.CustomFieldType;

/**
 * Stand-in for {@code com.atlassian.jira.issue.customfields.impl.AbstractCustomFieldType<T, S>} ({@code @PublicSpi})
 * from {@code com.atlassian.jira:jira-api} 11.3: the base class of Jira's field types, here only so that
 * {@link CalculatedCFType} has its real superclass. None of its own members is used.
 */
public abstract class AbstractCustomFieldType<T, S> implements CustomFieldType<T, S> {
}
