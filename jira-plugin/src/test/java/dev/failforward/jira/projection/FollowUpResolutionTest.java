package dev.failforward.jira.projection;

import com.atlassian.event.api.EventPublisher;
import com.atlassian.jira.event.issue.IssueEvent;
import com.atlassian.jira.event.type.EventType;
import dev.failforward.core.record.ActionItem;
import dev.failforward.core.record.ActionItemCommand;
import dev.failforward.core.record.ActionStatus;
import dev.failforward.host.ao.AoDatabase;
import dev.failforward.host.db.TestDatabases;
import dev.failforward.jira.failuredb.FailureDbService;
import dev.failforward.jira.failuredb.FollowUpIssues;
import dev.failforward.jira.failuredb.FollowUpService;
import dev.failforward.jira.failuredb.RecordChanges;
import dev.failforward.jira.followup.JiraFollowUpIssues;
import dev.failforward.jira.permissions.FakeRecordPermissions;
import dev.failforward.jira.persistence.AoActionItemRepository;
import dev.failforward.jira.persistence.AoFailureRecordRepository;
import dev.failforward.jira.persistence.AoLearningRepository;
import dev.failforward.jira.persistence.AoWhyStepRepository;
import dev.failforward.jira.projection.TestJira.TestIssue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.failforward.jira.projection.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * An action item follows its follow-up issue's resolution: Jira's issue events, through the listener and the queue's
 * worker, the real {@link JiraFollowUpIssues} reading the issue, into the action item on the real AO repository.
 */
class FollowUpResolutionTest {

    private static final Instant NOW = Instant.parse("2026-06-01T10:00:00Z");

    private final TestJira jira = new TestJira();
    private AoDatabase db;
    private AoActionItemRepository actions;
    private ProjectionQueue queue;
    private IssueEventListener listener;
    private final List<Long> changed = new ArrayList<>();
    private ActionItem item;
    private TestIssue task;

    @BeforeEach
    void start() {
        db = TestDatabases.openAo("dev.failforward.jira");
        db.activeObjects().migrate(dev.failforward.jira.persistence.FailureDbSchema.entities());
        actions = new AoActionItemRepository(db.activeObjects());
        RecordChanges changes = new RecordChanges() {
            @Override
            public void changed(long issueId) {
                synchronized (changed) {
                    changed.add(issueId);
                }
            }

            @Override
            public void recheck(java.util.Collection<Long> issueIds) {
            }
        };
        FailureDbService db = new FailureDbService(new AoFailureRecordRepository(this.db.activeObjects()),
                new AoLearningRepository(this.db.activeObjects()), actions,
                new AoWhyStepRepository(this.db.activeObjects()), new FakeRecordPermissions(), key -> true, changes,
                Clock.fixed(NOW, ZoneOffset.UTC));
        FollowUpIssues issues = new JiraFollowUpIssues(mock(com.atlassian.jira.bc.issue.IssueService.class),
                jira.issueManager, mock(com.atlassian.jira.project.ProjectManager.class),
                mock(com.atlassian.jira.security.PermissionManager.class),
                mock(com.atlassian.jira.issue.fields.config.manager.IssueTypeSchemeManager.class), jira.linkManager,
                mock(com.atlassian.jira.security.JiraAuthenticationContext.class),
                mock(com.atlassian.jira.user.util.UserManager.class),
                mock(com.atlassian.jira.datetime.DateTimeFormatter.class),
                mock(com.atlassian.sal.api.ApplicationProperties.class), jira.setup);
        FollowUpService followUps = new FollowUpService(db, actions, issues, changes, Clock.fixed(NOW, ZoneOffset.UTC));
        queue = new ProjectionQueue(jira.projection, followUps);
        queue.afterPropertiesSet();
        listener = new IssueEventListener(mock(EventPublisher.class), queue, jira.setup);
        ActionItem added = actions.add(new ActionItemCommand("Add a pool alarm", "u-fred", "2026-06-30", "detect",
                null, null, null, null).toDraft(10001, NOW).value());
        item = actions.setFollowUp(added.id(), 20, "OPS-20").orElseThrow();
        task = jira.task(20, "OPS-20");
    }

    @AfterEach
    void stop() {
        queue.destroy();
        db.close();
    }

    private void fire(Long type) {
        IssueEvent event = mock(IssueEvent.class);
        when(event.getIssue()).thenReturn(task);
        when(event.getEventTypeId()).thenReturn(type);
        long before = queue.stats().projected() + queue.stats().failed();
        listener.onIssueEvent(event);
        eventually(() -> assertThat(queue.stats().projected() + queue.stats().failed()).isGreaterThan(before));
        assertThat(queue.stats().failed()).isZero();
    }

    private ActionItem stored() {
        return actions.findById(item.id()).orElseThrow();
    }

    @Test
    void resolvedMakesTheItemDoneAndReopenedMakesItOpenAgain() {
        task.resolution("Done");
        fire(EventType.ISSUE_RESOLVED_ID);
        assertThat(stored().status()).isEqualTo(ActionStatus.DONE);
        assertThat(stored().updatedAt()).isEqualTo(NOW);
        assertThat(changed).containsExactly(10001L);

        task.resolution(null);
        fire(EventType.ISSUE_REOPENED_ID);
        assertThat(stored().status()).isEqualTo(ActionStatus.OPEN);
        assertThat(stored().followUpKey()).as("the follow-up stays").isEqualTo("OPS-20");
    }

    @Test
    void theSameEventTwiceWritesOnce() {
        task.resolution("Done");
        fire(EventType.ISSUE_RESOLVED_ID);
        long version = stored().version();

        fire(EventType.ISSUE_UPDATED_ID);
        fire(EventType.ISSUE_GENERICEVENT_ID);

        assertThat(stored().version()).isEqualTo(version);
        assertThat(changed).hasSize(1);
    }

    @Test
    void aDirectEditIsAllowedButTheNextResolutionWins() {
        ActionItem edited = actions.update(new ActionItemCommand("Add a pool alarm", "u-fred", "2026-06-30", "detect",
                "done", null, null, null).applyTo(stored(), stored().version(), NOW).value());
        assertThat(edited.status()).isEqualTo(ActionStatus.DONE);

        fire(EventType.ISSUE_UPDATED_ID); // still unresolved in Jira
        assertThat(stored().status()).isEqualTo(ActionStatus.OPEN);
    }

    @Test
    void issuesThatFollowNothingUpChangeNoItem() {
        TestIssue other = jira.task(21, "OPS-21").resolution("Done");
        IssueEvent event = mock(IssueEvent.class);
        when(event.getIssue()).thenReturn(other);
        when(event.getEventTypeId()).thenReturn(EventType.ISSUE_RESOLVED_ID);
        listener.onIssueEvent(event);
        eventually(() -> assertThat(queue.stats().projected()).isEqualTo(1));

        assertThat(stored()).isEqualTo(item);
        assertThat(changed).isEmpty();
        assertThat(Optional.of(stored().status())).contains(ActionStatus.OPEN);
    }
}
