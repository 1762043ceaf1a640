package dev.failforward.jira.setup;

import com.atlassian.jira.issue.CustomFieldManager;
import com.atlassian.jira.issue.customfields.option.Option;
import com.atlassian.jira.issue.fields.CustomField;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.sal.api.pluginsettings.PluginSettingsFactory;
import dev.failforward.jira.fields.FailForwardField;
import dev.failforward.jira.fields.FieldRegistry;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@link FieldRegistry} over what {@link JiraSetupService} recorded: field ids and option ids from SAL's global
 * plugin settings ({@link SetupRecords}), fields from Jira's {@link CustomFieldManager}. It lives in {@code setup}, next
 * to the records it reads, so that {@code fields} (the field definitions every other package uses) depends on nothing
 * of ours: setup depends on fields, never the other way round.
 *
 * <p><b>Caches nothing.</b> Another node may run setup again (e.g. recreate a field an admin deleted) and re-record the
 * ids; plugin settings are stored in Jira's database and shared by all nodes, so every call reads them afresh and
 * always sees the current ids. The reads are small (one key each) and Jira keeps its own cluster-aware caches behind
 * both services, so a lookup per request is cheap; a caller that needs a field many times in one request keeps the
 * {@link CustomField} it got for the length of that request.
 */
@Named
public class JiraFieldRegistry implements FieldRegistry {

    private final PluginSettingsFactory pluginSettingsFactory;
    private final CustomFieldManager customFieldManager;

    @Inject
    public JiraFieldRegistry(@ComponentImport PluginSettingsFactory pluginSettingsFactory,
                             @ComponentImport CustomFieldManager customFieldManager) {
        this.pluginSettingsFactory = Objects.requireNonNull(pluginSettingsFactory, "pluginSettingsFactory");
        this.customFieldManager = Objects.requireNonNull(customFieldManager, "customFieldManager");
    }

    @Override
    public Optional<CustomField> field(FailForwardField field) {
        Objects.requireNonNull(field, "field");
        return records().fieldId(field).map(customFieldManager::getCustomFieldObject);
    }

    @Override
    public Optional<String> optionValue(FailForwardField field, Object jiraValue) {
        Objects.requireNonNull(field, "field");
        if (!(jiraValue instanceof Option option) || option.getOptionId() == null || field.options().isEmpty()) {
            return Optional.empty();
        }
        String optionId = option.getOptionId().toString();
        for (Map.Entry<String, String> recorded : records().optionIds(field).entrySet()) {
            if (recorded.getValue().equals(optionId) && field.options().contains(recorded.getKey())) {
                return Optional.of(recorded.getKey());
            }
        }
        return Optional.empty();
    }

    private SetupRecords records() {
        return SetupRecords.in(pluginSettingsFactory);
    }
}
