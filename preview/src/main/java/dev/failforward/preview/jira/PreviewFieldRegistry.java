package dev.failforward.preview.jira;

import com.atlassian.jira.issue.customfields.option.Option;
import com.atlassian.jira.issue.fields.CustomField;
import dev.failforward.jira.fields.FailForwardField;
import dev.failforward.jira.fields.FieldRegistry;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The preview's "Jira": every Fail Forward field exists with a fixed custom field id and every select option with an
 * option id, as setup would record them in a real instance.
 */
public final class PreviewFieldRegistry implements FieldRegistry {

    record PreviewField(String getId, Long getIdAsLong, String getName) implements CustomField {
    }

    record PreviewOption(Long getOptionId, String getValue) implements Option {
    }

    private final Map<FailForwardField, CustomField> fields = new EnumMap<>(FailForwardField.class);
    private final Map<FailForwardField, Map<String, Option>> options = new EnumMap<>(FailForwardField.class);
    private final Map<Long, String> stableValues = new LinkedHashMap<>();

    public PreviewFieldRegistry() {
        long optionId = 10_300;
        for (FailForwardField field : FailForwardField.values()) {
            long id = 10_200L + field.ordinal();
            fields.put(field, new PreviewField("customfield_" + id, id, field.key()));
            Map<String, Option> byValue = new LinkedHashMap<>();
            for (String value : field.options()) {
                PreviewOption option = new PreviewOption(++optionId, value);
                byValue.put(value, option);
                stableValues.put(option.getOptionId(), value);
            }
            options.put(field, byValue);
        }
    }

    @Override
    public Optional<CustomField> field(FailForwardField field) {
        return Optional.of(fields.get(field));
    }

    @Override
    public Optional<String> optionValue(FailForwardField field, Object jiraValue) {
        if (jiraValue instanceof Option option && options.get(field).containsValue(option)) {
            return Optional.ofNullable(stableValues.get(option.getOptionId()));
        }
        return Optional.empty();
    }

    /** The option of a select field with this stable value, or empty. */
    public Optional<Option> option(FailForwardField field, String stableValue) {
        return Optional.ofNullable(options.get(field).get(stableValue));
    }

    public String id(FailForwardField field) {
        return fields.get(field).getId();
    }

    /** The field a Jira field id belongs to, if it is one of ours. */
    public Optional<FailForwardField> byId(String jiraFieldId) {
        return fields.entrySet().stream().filter(e -> e.getValue().getId().equals(jiraFieldId)).map(Map.Entry::getKey).findFirst();
    }
}
