package dev.failforward.jira.persistence;

import com.atlassian.jira.issue.customfields.impl.FieldValidationException;
import dev.failforward.core.record.ActionItem;
import dev.failforward.core.record.ActionItemCommand;
import dev.failforward.core.record.FailureRecord;
import dev.failforward.core.record.Learning;
import dev.failforward.core.record.LearningCommand;
import dev.failforward.core.record.RecordKind;
import dev.failforward.host.ao.AtlassianTestTableNameConverter;
import dev.failforward.host.ao.EntityManagerActiveObjects;
import dev.failforward.jira.counts.FailureCountFieldType;
import dev.failforward.jira.counts.FailureCounts;
import dev.failforward.jira.counts.LearningCountFieldType;
import dev.failforward.jira.counts.NextStepCountFieldType;
import dev.failforward.jira.failuredb.FailureDbService;
import dev.failforward.jira.failuredb.RecordChanges;
import dev.failforward.jira.permissions.FakeRecordPermissions;
import dev.failforward.jira.testing.FakeIssue;
import net.java.ao.EntityManager;
import net.java.ao.atlassian.AtlassianFieldNameConverter;
import net.java.ao.atlassian.AtlassianIndexNameConverter;
import net.java.ao.atlassian.AtlassianSequenceNameConverter;
import net.java.ao.atlassian.AtlassianTriggerNameConverter;
import net.java.ao.atlassian.AtlassianUniqueNameConverter;
import net.java.ao.test.converters.NameConverters;
import net.java.ao.test.jdbc.Data;
import net.java.ao.test.jdbc.Jdbc;
import net.java.ao.test.junit.ActiveObjectsJUnitRunner;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The count fields JQL searches ("Failure learnings", "Failure next steps") on the real AO ORM: their value is what
 * the failure database holds, empty for an issue without a record; and every change of a count through
 * {@link FailureDbService} asks for the issue's reindex (after the write committed), while an edit, which changes no
 * count, does not.
 */
@RunWith(ActiveObjectsJUnitRunner.class)
@Data(FailureDbSchema.class)
@Jdbc(TestJdbc.class)
@NameConverters(table = AtlassianTestTableNameConverter.class, field = AtlassianFieldNameConverter.class,
        index = AtlassianIndexNameConverter.class, sequence = AtlassianSequenceNameConverter.class,
        trigger = AtlassianTriggerNameConverter.class, unique = AtlassianUniqueNameConverter.class)
public class FailureCountFieldsTest {

    private static final Instant NOW = Instant.parse("2026-06-01T10:00:00Z");

    private EntityManager entityManager;
    private AoFailureRecordRepository records;
    private AoLearningRepository learnings;
    private AoActionItemRepository actions;
    private FailureCountFieldType learningCount;
    private FailureCountFieldType nextStepCount;
    private final List<Long> reindexed = new ArrayList<>();
    private FailureDbService service;
    private FakeIssue ops1;

    @Before
    public void setUp() {
        EntityManagerActiveObjects ao = new EntityManagerActiveObjects(entityManager);
        records = new AoFailureRecordRepository(ao);
        learnings = new AoLearningRepository(ao);
        actions = new AoActionItemRepository(ao);
        FailureCounts counts = new FailureCounts(records, learnings, actions);
        learningCount = new LearningCountFieldType(counts);
        nextStepCount = new NextStepCountFieldType(counts);
        FakeRecordPermissions permissions = new FakeRecordPermissions().as("u-fred", Set.of("OPS"), Set.of("OPS"));
        service = new FailureDbService(records, learnings, actions, new AoWhyStepRepository(ao), permissions,
                Set.of("u-fred")::contains, RecordChanges.NONE, reindexed::add);
        ops1 = new FakeIssue("OPS-1");
        records.upsert(FailureRecord.builder().issueId(ops1.getId()).issueKey("OPS-1").projectKey("OPS")
                .kind(RecordKind.INCIDENT).summary("Checkout down").status("Analysing").createdAndUpdatedAt(NOW).build());
    }

    private Learning learn(String text) {
        return service.addLearning("OPS-1", new LearningCommand(text, "insight"));
    }

    private ActionItem plan(String text) {
        return service.addAction("OPS-1", new ActionItemCommand(text, "u-fred", "2026-06-30", "prevent", null, null,
                null, null));
    }

    @Test
    public void theValuesAreTheRecordsCountsInTheFailureDatabase() {
        assertThat(learningCount.getValueFromIssue(null, ops1)).isEqualTo(0.0);
        assertThat(nextStepCount.getValueFromIssue(null, ops1)).isEqualTo(0.0);

        learn("Pools need alarms");
        learn("Retries hide outages");
        learn("Runbooks age");
        plan("Add a pool alarm");

        assertThat(learningCount.getValueFromIssue(null, ops1)).isEqualTo(3.0);
        assertThat(nextStepCount.getValueFromIssue(null, ops1)).isEqualTo(1.0);
    }

    @Test
    public void anIssueWithoutAFailureRecordHasNoValue() {
        FakeIssue other = new FakeIssue("OPS-99");

        assertThat(learningCount.getValueFromIssue(null, other)).isNull();
        assertThat(nextStepCount.getValueFromIssue(null, other)).isNull();
        assertThat(learningCount.getValueFromIssue(null, null)).as("an issue being created").isNull();
    }

    @Test
    public void addingAndDeletingAskForAReindexEditingDoesNot() {
        Learning learning = learn("Pools need alarms");
        ActionItem action = plan("Add a pool alarm");
        assertThat(reindexed).containsExactly(ops1.getId(), ops1.getId());

        service.editLearning("OPS-1", learning.id(), new LearningCommand("Pools need alarms and owners", "insight"));
        assertThat(reindexed).as("an edit changes no count").hasSize(2);

        service.deleteLearning("OPS-1", learning.id());
        service.deleteAction("OPS-1", action.id());
        assertThat(reindexed).hasSize(4).containsOnly(ops1.getId());
        // the reindex is asked for after the write: by then the count Jira reads is the new one
        assertThat(learningCount.getValueFromIssue(null, ops1)).isEqualTo(0.0);
    }

    @Test
    public void theViewTemplateGetsTheCountAsText() throws Exception {
        learn("Pools need alarms");
        learn("Retries hide outages");

        assertThat(learningCount.getVelocityParameters(ops1, null, null)).containsEntry("count", "2");
        assertThat(nextStepCount.getVelocityParameters(ops1, null, null)).containsEntry("count", "0");
        assertThat(learningCount.getVelocityParameters(new FakeIssue("OPS-99"), null, null)).doesNotContainKey("count");

        String template;
        try (var in = getClass().getClassLoader().getResourceAsStream("templates/fields/count-view.vm")) {
            template = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        org.apache.velocity.app.VelocityEngine engine = new org.apache.velocity.app.VelocityEngine();
        engine.init();
        java.io.StringWriter out = new java.io.StringWriter();
        engine.evaluate(new org.apache.velocity.VelocityContext(
                new java.util.HashMap<>(learningCount.getVelocityParameters(ops1, null, null))), out, "count-view", template);
        assertThat(out.toString().strip()).isEqualTo("2");
    }

    @Test
    public void valuesReadAndWriteAsWholeNumbers() {
        assertThat(learningCount.getStringFromSingularObject(3.0)).isEqualTo("3");
        assertThat(learningCount.getStringFromSingularObject(2.5)).isEqualTo("2.5");
        assertThat(learningCount.getStringFromSingularObject(null)).isNull();
        assertThat(learningCount.getSingularObjectFromString(" 3 ")).isEqualTo(3.0);
        assertThat(learningCount.getSingularObjectFromString("")).isNull();
        assertThatThrownBy(() -> learningCount.getSingularObjectFromString("three"))
                .isInstanceOf(FieldValidationException.class);
    }
}
