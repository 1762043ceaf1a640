package dev.failforward.jira.setup;

import com.atlassian.jira.issue.CustomFieldManager;
import com.atlassian.jira.issue.context.GlobalIssueContext;
import com.atlassian.jira.issue.context.JiraContextNode;
import com.atlassian.jira.issue.customfields.CustomFieldSearcher;
import com.atlassian.jira.issue.customfields.CustomFieldType;
import com.atlassian.jira.issue.customfields.manager.OptionsManager;
import com.atlassian.jira.issue.customfields.option.Option;
import com.atlassian.jira.issue.fields.CustomField;
import com.atlassian.jira.issue.fields.config.FieldConfig;
import com.atlassian.jira.issue.fields.config.FieldConfigScheme;
import com.atlassian.jira.issue.issuetype.IssueType;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.ofbiz.core.entity.GenericEntityException;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Jira's custom fields and select options, as setup needs them. Thin: no decisions here. */
@Named
public class JiraFields {

    private final CustomFieldManager customFieldManager;
    private final OptionsManager optionsManager;

    @Inject
    public JiraFields(@ComponentImport CustomFieldManager customFieldManager,
                      @ComponentImport OptionsManager optionsManager) {
        this.customFieldManager = Objects.requireNonNull(customFieldManager, "customFieldManager");
        this.optionsManager = Objects.requireNonNull(optionsManager, "optionsManager");
    }

    Optional<CustomField> byId(String id) {
        return Optional.ofNullable(customFieldManager.getCustomFieldObject(id));
    }

    /**
     * Creates a custom field whose one context covers all projects but only the given issue types: the field exists
     * for experiments (or incidents, or both) and nowhere else.
     */
    @SuppressWarnings("rawtypes")
    CustomField create(String name, String description, String typeKey, String searcherKey, List<IssueType> onlyFor) {
        CustomFieldType type = customFieldManager.getCustomFieldType(typeKey);
        CustomFieldSearcher searcher = customFieldManager.getCustomFieldSearcher(searcherKey);
        if (type == null || searcher == null) {
            throw new SetupException("failforward.setup.error.fieldtype",
                    "Jira has no custom field type '" + typeKey + "' or searcher '" + searcherKey + "'", typeKey, searcherKey);
        }
        List<JiraContextNode> allProjects = List.of(GlobalIssueContext.getInstance());
        try {
            return customFieldManager.createCustomField(name, description, type, searcher, allProjects, List.copyOf(onlyFor));
        } catch (GenericEntityException e) {
            throw new SetupException("failforward.setup.error.jira", "Jira could not create the field '" + name + "'", e,
                    name, String.valueOf(e.getMessage()));
        }
    }

    /** The configuration of the field's one context, which holds its options; empty if Jira dropped the context. */
    Optional<FieldConfig> config(CustomField field) {
        List<FieldConfigScheme> contexts = field.getConfigurationSchemes();
        if (contexts == null || contexts.isEmpty()) {
            return Optional.empty();
        }
        return Optional.ofNullable(contexts.get(0).getOneAndOnlyConfig());
    }

    Optional<Option> option(long optionId) {
        return Optional.ofNullable(optionsManager.findByOptionId(optionId));
    }

    Option createOption(FieldConfig config, long sequence, String value) {
        return optionsManager.createOption(config, null, sequence, value);
    }
}
