package dev.failforward.jira.persistence;

import com.atlassian.jira.user.ApplicationUser;
import dev.failforward.core.incident.TextItems;
import dev.failforward.core.record.ActionItem;
import dev.failforward.core.record.ActionStatus;
import dev.failforward.core.record.Learning;
import dev.failforward.core.record.LearningKind;
import dev.failforward.host.ao.AtlassianTestTableNameConverter;
import dev.failforward.host.ao.EntityManagerActiveObjects;
import dev.failforward.jira.fields.IssueFields;
import dev.failforward.jira.projection.LegacyTextMigration;
import dev.failforward.jira.testing.FakeFieldRegistry;
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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static dev.failforward.jira.fields.FailForwardField.LEARNINGS;
import static dev.failforward.jira.fields.FailForwardField.NEXT_STEPS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The upgrade of the old "Learnings" / "Next steps" text fields into the failure database, on the real AO ORM: every
 * item of every field ends up as exactly one learning or action item, nothing twice, and a second run changes nothing.
 */
@RunWith(ActiveObjectsJUnitRunner.class)
@Data(FailureDbSchema.class)
@Jdbc(TestJdbc.class)
@NameConverters(table = AtlassianTestTableNameConverter.class, field = AtlassianFieldNameConverter.class,
        index = AtlassianIndexNameConverter.class, sequence = AtlassianSequenceNameConverter.class,
        trigger = AtlassianTriggerNameConverter.class, unique = AtlassianUniqueNameConverter.class)
public class LegacyTextMigrationTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 6);
    private static final Instant UPDATED = Instant.parse("2026-11-01T09:00:00Z");

    private static final String CARE_LEARNINGS = """
            Learnings:
            - Bed checks get dropped on the night shift
            * The call bell was out of reach
            • Nobody owned the falls checklist
            1. Handover notes skip mobility
            - The call bell was out of reach

            [ ] Agency staff never saw the protocol
            """;
    private static final String CARE_NEXT_STEPS = """
            h3. Next steps
            # Move the bells within reach
            2) Add mobility to the handover template
            """;

    private EntityManager entityManager;
    private AoLearningRepository learnings;
    private AoActionItemRepository actions;
    private FakeFieldRegistry registry;
    private LegacyTextMigration migration;

    @Before
    public void setUp() {
        EntityManagerActiveObjects ao = new EntityManagerActiveObjects(entityManager);
        learnings = new AoLearningRepository(ao);
        actions = new AoActionItemRepository(ao);
        registry = new FakeFieldRegistry();
        migration = new LegacyTextMigration(new IssueFields(registry), learnings, actions,
                new dev.failforward.host.settings.InMemoryPluginSettings().factory(), reindexed::add);
    }

    /** The issues the migration asked Jira to reindex (their count fields changed). */
    private final List<Long> reindexed = new java.util.ArrayList<>();

    private FakeIssue issue(String key, String learningText, String nextStepText) {
        FakeIssue issue = new FakeIssue(key);
        registry.set(issue, LEARNINGS, learningText);
        registry.set(issue, NEXT_STEPS, nextStepText);
        issue.setReporter(user("u-rita"));
        return issue;
    }

    @Test
    public void everyLineOfEveryFieldBecomesExactlyOneItem() {
        FakeIssue care = issue("CARE-326", CARE_LEARNINGS, CARE_NEXT_STEPS);

        LegacyTextMigration.Result result = migration.migrate(care, TODAY);

        assertThat(result).isEqualTo(new LegacyTextMigration.Result(6, 2));
        assertThat(learnings.findByRecord(care.getId())).extracting(Learning::text).containsExactlyInAnyOrder(
                "Bed checks get dropped on the night shift", "The call bell was out of reach",
                "Nobody owned the falls checklist", "Handover notes skip mobility", "The call bell was out of reach",
                "Agency staff never saw the protocol");
        assertThat(learnings.findByRecord(care.getId())).allSatisfy(learning -> {
            assertThat(learning.kind()).isEqualTo(LearningKind.INSIGHT);
            assertThat(learning.authorKey()).isEqualTo("u-rita");
            assertThat(learning.createdAt()).isEqualTo(care.getUpdated().toInstant());
        });
        assertThat(actions.findByRecord(care.getId())).extracting(ActionItem::description).containsExactlyInAnyOrder(
                "Move the bells within reach", "Add mobility to the handover template");
        assertThat(actions.findByRecord(care.getId())).allSatisfy(action -> {
            assertThat(action.ownerKey()).isEqualTo("u-rita");
            assertThat(action.status()).isEqualTo(ActionStatus.OPEN);
            assertThat(action.dueDate()).isEqualTo(TODAY.plusDays(LegacyTextMigration.DUE_AFTER_DAYS));
        });
        // nothing lost: exactly the items the old Close validator counted
        assertThat(learnings.countByRecord(care.getId())).isEqualTo(TextItems.items(CARE_LEARNINGS).size());
        assertThat(actions.findByRecord(care.getId())).hasSize(TextItems.items(CARE_NEXT_STEPS).size());
        // the old values stay in place
        assertThat(care.getCustomFieldValue(registry.field(LEARNINGS).orElseThrow())).isEqualTo(CARE_LEARNINGS);
    }

    @Test
    public void anIssueThatGotItemsIsReindexedOnceAndOnlyThen() {
        FakeIssue care = issue("CARE-326", CARE_LEARNINGS, CARE_NEXT_STEPS);
        FakeIssue empty = issue("CARE-327", null, null);

        migration.migrate(care, TODAY);
        migration.migrate(empty, TODAY);
        migration.migrate(care, TODAY); // nothing new

        assertThat(reindexed).containsExactly(care.getId());
    }

    @Test
    public void aSecondRunChangesNothing() {
        FakeIssue care = issue("CARE-326", CARE_LEARNINGS, CARE_NEXT_STEPS);
        migration.migrate(care, TODAY);
        List<Learning> learned = learnings.findByRecord(care.getId());
        List<ActionItem> planned = actions.findByRecord(care.getId());

        assertThat(migration.migrate(care, TODAY.plusDays(1))).isEqualTo(new LegacyTextMigration.Result(0, 0));

        assertThat(learnings.findByRecord(care.getId())).isEqualTo(learned);
        assertThat(actions.findByRecord(care.getId())).isEqualTo(planned);
    }

    @Test
    public void itemsAlreadyOnTheRecordAreNotCreatedTwice() {
        // a run stopped after the first learning, or the team typed one line into both homes
        FakeIssue ops = issue("OPS-7", "- Alerts went to a muted channel\n- The runbook was out of date",
                "- Route alerts to the on-call rota");
        learnings.add(new Learning.Draft(ops.getId(), "Alerts went to a muted channel", LearningKind.SURPRISE, "u-ben",
                UPDATED.minusSeconds(60)));

        assertThat(migration.migrate(ops, TODAY)).isEqualTo(new LegacyTextMigration.Result(1, 1));

        assertThat(learnings.findByRecord(ops.getId())).extracting(Learning::text)
                .containsExactly("Alerts went to a muted channel", "The runbook was out of date");
    }

    @Test
    public void manyIssuesWithEmptyAndMissingFields() {
        List<FakeIssue> issues = new ArrayList<>();
        issues.add(issue("OPS-1", null, null));
        issues.add(issue("OPS-2", "  \n\n", "- only a next step"));
        FakeIssue noReporter = issue("OPS-3", "a learning", "a step\nanother step");
        noReporter.setReporter(null);
        issues.add(noReporter);

        issues.forEach(i -> migration.migrate(i, TODAY));

        assertThat(learnings.countByRecord(issues.get(0).getId())).isZero();
        assertThat(actions.findByRecord(issues.get(0).getId())).isEmpty();
        assertThat(learnings.countByRecord(issues.get(1).getId())).isZero();
        assertThat(actions.findByRecord(issues.get(1).getId())).extracting(ActionItem::description)
                .containsExactly("only a next step");
        assertThat(actions.findByRecord(noReporter.getId())).extracting(ActionItem::ownerKey)
                .containsOnly(LegacyTextMigration.NO_OWNER).hasSize(2);
        assertThat(learnings.findByRecord(noReporter.getId())).extracting(Learning::authorKey)
                .containsExactly(LegacyTextMigration.NO_OWNER);
    }

    private static ApplicationUser user(String key) {
        return new ApplicationUser() {
            @Override
            public String getKey() {
                return key;
            }

            @Override
            public String getUsername() {
                return key;
            }

            @Override
            public String getDisplayName() {
                return key;
            }
        };
    }
}
