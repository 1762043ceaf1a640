package dev.failforward.jira.fields;

import com.atlassian.jira.issue.fields.CustomField;

import java.util.Optional;

/**
 * Finds Fail Forward's custom fields and select options by stable key, as setup recorded them — never by display name.
 */
public interface FieldRegistry {

    /** The field, if setup has created it. */
    Optional<CustomField> field(FailForwardField field);

    /**
     * The stable value (e.g. {@code EXPLORE}) of a select field's current Jira value (an
     * {@link com.atlassian.jira.issue.customfields.option.Option}), or empty when unset or not one of ours.
     */
    Optional<String> optionValue(FailForwardField field, Object jiraValue);
}
