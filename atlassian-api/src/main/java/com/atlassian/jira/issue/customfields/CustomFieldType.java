package com.atlassian.jira.issue.customfields;

import com.atlassian.jira.issue.Issue;
import com.atlassian.jira.issue.customfields.impl.FieldValidationException;
import com.atlassian.jira.issue.fields.CustomField;
import com.atlassian.jira.issue.fields.layout.field.FieldLayoutItem;

import java.util.Map;

/**
 * Stand-in for {@code com.atlassian.jira.issue.customfields.CustomFieldType<T, S>} ({@code @PublicApi @PublicSpi}) from
 * {@code com.atlassian.jira:jira-api} 11.3 (docs.atlassian.com/jira/latest: {@code T} transport object, {@code S}
 * singular form). Setup looks types up by key; the members here are the three that Fail Forward's own calculated
 * types ({@code dev.failforward.jira.counts}) implement, with the real signatures (a subclass of Jira's
 * {@code CalculatedCFType}, e.g. a public plugin's {@code JqlFunctionCFType extends CalculatedCFType<Void, Void>},
 * overrides the first three; {@code getVelocityParameters} as public field types override it, calling
 * {@code super}).
 */
public interface CustomFieldType<T, S> {

    /** The issue's value of the field: for a calculated type, computed here. */
    T getValueFromIssue(CustomField field, Issue issue);

    String getStringFromSingularObject(S singularObject);

    S getSingularObjectFromString(String string) throws FieldValidationException;

    /** What the field's view templates get besides Jira's own ({@code $value}, {@code $customField}, ...). */
    Map<String, Object> getVelocityParameters(Issue issue, CustomField field, FieldLayoutItem fieldLayoutItem);
}
