package dev.failforward.jira.rest;

import com.atlassian.jira.issue.fields.CustomField;
import dev.failforward.jira.fields.FailForwardField;
import dev.failforward.jira.fields.FieldRegistry;
import dev.failforward.jira.testing.FakeFieldRegistry;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class FieldsResourceTest {

    @Test
    void listsTheJiraIdOfEverySetUpFieldByStableKey() {
        FakeFieldRegistry registry = new FakeFieldRegistry();
        var fields = new FieldsResource(registry).fields();
        assertThat(fields).hasSize(FailForwardField.values().length);
        assertThat(fields.get("hypothesis")).isEqualTo(registry.id(FailForwardField.HYPOTHESIS));
    }

    @Test
    void leavesOutFieldsThatAreNotSetUp() {
        FakeFieldRegistry all = new FakeFieldRegistry();
        FieldRegistry onlyHypothesis = new FieldRegistry() {
            @Override
            public Optional<CustomField> field(FailForwardField field) {
                return field == FailForwardField.HYPOTHESIS ? all.field(field) : Optional.empty();
            }

            @Override
            public Optional<String> optionValue(FailForwardField field, Object jiraValue) {
                return Optional.empty();
            }
        };
        assertThat(new FieldsResource(onlyHypothesis).fields()).containsOnlyKeys("hypothesis");
    }
}
