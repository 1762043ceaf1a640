package dev.failforward.jira.projection;

import dev.failforward.core.record.RecordKind;
import dev.failforward.jira.setup.SetupRecords;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The ids the projection reads are the ones setup writes. */
class ProjectionSetupTest {

    @Test
    void linkTypeKeysAreTheOnesSetupCreates() throws Exception {
        Class<?> spec = Class.forName("dev.failforward.jira.setup.SetupSpec");
        Field linkTypes = spec.getDeclaredField("LINK_TYPES");
        linkTypes.setAccessible(true);
        List<?> specs = (List<?>) linkTypes.get(null);
        Method key = specs.get(0).getClass().getDeclaredMethod("key");
        key.setAccessible(true);

        assertThat(specs).extracting(s -> invoke(key, s)).containsExactly(ProjectionSetup.PIVOT_LINK, ProjectionSetup.RECURRENCE_LINK,
                ProjectionSetup.FOLLOW_UP_LINK);
    }

    private static Object invoke(Method method, Object target) {
        try {
            return method.invoke(target);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void readsTheRecordedIdsAndNothingBeforeSetup() {
        TestJira jira = new TestJira();
        assertThat(jira.setup.issueTypes()).isEqualTo(Map.of(TestJira.EXPERIMENT_TYPE, RecordKind.EXPERIMENT,
                TestJira.INCIDENT_TYPE, RecordKind.INCIDENT));
        assertThat(jira.setup.pivotLinkTypeId()).contains(TestJira.PIVOT_LINK);
        assertThat(jira.setup.recurrenceLinkTypeId()).contains(TestJira.RECURRENCE_LINK);

        TestJira bare = new TestJira(false);
        bare.settings.put(SetupRecords.NAMESPACE + "linktype." + ProjectionSetup.PIVOT_LINK + ".id", "not an id");
        assertThat(bare.setup.issueTypes()).isEmpty();
        assertThat(bare.setup.pivotLinkTypeId()).isEmpty();
        assertThat(bare.setup.recurrenceLinkTypeId()).isEmpty();
    }
}
