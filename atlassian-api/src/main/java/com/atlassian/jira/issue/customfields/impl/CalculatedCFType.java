package com.atlassian.jira.issue.customfields.impl;

/**
 * Stand-in for {@code com.atlassian.jira.issue.customfields.impl.CalculatedCFType<T, S>} ({@code @PublicSpi}) from
 * {@code com.atlassian.jira:jira-api} 11.3: {@code public abstract class CalculatedCFType<T, S> extends
 * AbstractCustomFieldType<T, S>} (its public source: it implements storage, defaults and validation as no-ops and
 * leaves {@code getValueFromIssue}, {@code getStringFromSingularObject} and {@code getSingularObjectFromString} to the
 * subclass). Fail Forward's count fields extend it; none of the no-op members is called.
 */
public abstract class CalculatedCFType<T, S> extends AbstractCustomFieldType<T, S> {
}
