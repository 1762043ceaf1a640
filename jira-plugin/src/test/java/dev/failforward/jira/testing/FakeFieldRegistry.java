package dev.failforward.jira.testing;

import com.atlassian.jira.issue.customfields.option.Option;
import com.atlassian.jira.issue.fields.CustomField;
import dev.failforward.jira.fields.FailForwardField;
import dev.failforward.jira.fields.FieldRegistry;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Every Fail Forward field "set up" with an id ({@code customfield_10100} + ordinal) and every select option with an
 * option id, as setup records them; lets tests put values on a {@link FakeIssue} the way Jira stores them.
 */
public final class FakeFieldRegistry implements FieldRegistry {

    private record Field(String getId, Long getIdAsLong, String getName) implements CustomField {
    }

    private record FakeOption(Long getOptionId, String getValue) implements Option {
    }

    private final Map<FailForwardField, CustomField> fields = new EnumMap<>(FailForwardField.class);
    private final Map<FailForwardField, Map<String, Option>> options = new EnumMap<>(FailForwardField.class);
    private final Map<Long, String> stableValueByOptionId = new HashMap<>();

    public FakeFieldRegistry() {
        long optionId = 20_000;
        for (FailForwardField field : FailForwardField.values()) {
            long id = 10_100L + field.ordinal();
            fields.put(field, new Field("customfield_" + id, id, field.key()));
            Map<String, Option> byValue = new HashMap<>();
            for (String value : field.options()) {
                Option option = new FakeOption(++optionId, "Display of " + value);
                byValue.put(value, option);
                stableValueByOptionId.put(option.getOptionId(), value);
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
            return Optional.ofNullable(stableValueByOptionId.get(option.getOptionId()));
        }
        return Optional.empty();
    }

    /** The Jira value of a select option, to put on an issue. */
    public Option option(FailForwardField field, String stableValue) {
        Option option = options.get(field).get(stableValue);
        if (option == null) {
            throw new IllegalArgumentException(stableValue + " is not an option of " + field);
        }
        return option;
    }

    public String id(FailForwardField field) {
        return fields.get(field).getId();
    }

    /** Sets a field on the issue as Jira would hold it: text as String, numbers as Double, selects as Option. */
    public FakeIssue set(FakeIssue issue, FailForwardField field, Object value) {
        Object jiraValue = switch (field.kind()) {
            case SELECT -> value == null ? null : option(field, value.toString());
            case NUMBER, COUNT -> value == null ? null : Double.valueOf(value.toString());
            case DATE_TIME -> value == null ? null : java.sql.Timestamp.from((java.time.Instant) value);
            case TEXT_AREA -> value;
        };
        issue.setCustomFieldValue(fields.get(field), jiraValue);
        return issue;
    }
}
