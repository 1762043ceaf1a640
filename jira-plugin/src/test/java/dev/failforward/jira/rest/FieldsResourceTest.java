package dev.failforward.jira.rest;

import com.atlassian.jira.issue.fields.CustomField;
import dev.failforward.jira.fields.FailForwardField;
import dev.failforward.jira.fields.FieldRegistry;
import dev.failforward.jira.permissions.FakeRecordPermissions;
import dev.failforward.jira.testing.FakeFieldRegistry;
import dev.failforward.rest.RequestProblem;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FieldsResourceTest {

    private final FakeRecordPermissions loggedIn = new FakeRecordPermissions().as("u-anna", java.util.Set.of(), java.util.Set.of());

    @Test
    void listsTheJiraIdOfEverySetUpFieldByStableKey() {
        FakeFieldRegistry registry = new FakeFieldRegistry();
        var fields = new FieldsResource(registry, loggedIn).fields();
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
        assertThat(new FieldsResource(onlyHypothesis, loggedIn).fields()).containsOnlyKeys("hypothesis");
    }

    @Test
    void anonymousCallersLearnNothing() {
        FakeRecordPermissions anonymous = new FakeRecordPermissions().as(null, java.util.Set.of(), java.util.Set.of());
        assertThatThrownBy(() -> new FieldsResource(new FakeFieldRegistry(), anonymous).fields())
                .isInstanceOfSatisfying(RequestProblem.class, e -> assertThat(e.status()).isEqualTo(401));
    }
}
