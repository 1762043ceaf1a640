package com.atlassian.jira.issue;

import com.atlassian.jira.issue.context.JiraContextNode;
import com.atlassian.jira.issue.customfields.CustomFieldSearcher;
import com.atlassian.jira.issue.customfields.CustomFieldType;
import com.atlassian.jira.issue.fields.CustomField;
import com.atlassian.jira.issue.issuetype.IssueType;
import org.ofbiz.core.entity.GenericEntityException;

import java.util.List;

/**
 * Stand-in for {@code com.atlassian.jira.issue.CustomFieldManager} ({@code @PublicApi}) from
 * {@code com.atlassian.jira:jira-api} 11.3 (reference atlassian-api.md §2.7: docs.atlassian.com/jira/7.2.0 and current
 * plugins). Only the members Fail Forward calls.
 */
public interface CustomFieldManager {
    CustomField createCustomField(String fieldName, String description, CustomFieldType fieldType,
                                  CustomFieldSearcher customFieldSearcher, List<JiraContextNode> contexts,
                                  List<IssueType> issueTypes) throws GenericEntityException;

    CustomFieldType getCustomFieldType(String key);

    CustomFieldSearcher getCustomFieldSearcher(String key);

    /** @param id e.g. {@code customfield_10100}; null when there is no such field */
    CustomField getCustomFieldObject(String id);
}
