package dev.failforward.jira.projection;

import com.atlassian.event.api.EventListener;
import com.atlassian.event.api.EventPublisher;
import com.atlassian.jira.event.issue.IssueEvent;
import com.atlassian.jira.event.issue.link.IssueLinkCreatedEvent;
import com.atlassian.jira.event.issue.link.IssueLinkDeletedEvent;
import com.atlassian.jira.event.type.EventType;
import com.atlassian.jira.issue.Issue;
import com.atlassian.jira.issue.link.IssueLink;
import dev.failforward.core.record.FailureRecord;
import dev.failforward.jira.projection.TestJira.TestIssue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.util.Arrays;

import static dev.failforward.jira.fields.FailForwardField.PHASE;
import static dev.failforward.jira.projection.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** Jira's events, through the listener and the queue's worker, into the failure database. */
class IssueEventListenerTest {

    private final TestJira jira = new TestJira();
    private final EventPublisher publisher = mock(EventPublisher.class);
    private ProjectionQueue queue;
    private IssueEventListener listener;

    @BeforeEach
    void start() {
        queue = new ProjectionQueue(jira.projection);
        queue.afterPropertiesSet();
        listener = new IssueEventListener(publisher, queue, jira.setup);
        listener.afterPropertiesSet();
    }

    @AfterEach
    void stop() {
        listener.destroy();
        queue.destroy();
    }

    private static IssueEvent event(Issue issue, Long type) {
        IssueEvent event = mock(IssueEvent.class);
        when(event.getIssue()).thenReturn(issue);
        when(event.getEventTypeId()).thenReturn(type);
        return event;
    }

    private void fire(Issue issue, Long type) {
        listener.onIssueEvent(event(issue, type));
    }

    private void awaitIdle(long projections) {
        eventually(() -> assertThat(queue.stats().projected() + queue.stats().failed()).isGreaterThanOrEqualTo(projections));
        eventually(() -> assertThat(queue.stats().waiting()).isZero());
    }

    @Test
    void registersWithJirasEventPublisherAndUnregisters() throws Exception {
        verify(publisher).register(listener);
        listener.destroy();
        verify(publisher).unregister(listener);
        long annotated = Arrays.stream(IssueEventListener.class.getMethods())
                .filter(m -> m.isAnnotationPresent(EventListener.class)).map(Method::getName).count();
        assertThat(annotated).isEqualTo(3);
    }

    @Test
    void createUpdateAndTransitionEventsProjectTheIssue() {
        TestIssue issue = jira.experiment(1, "OPS-1").set(PHASE, "EXPLORE");
        fire(issue, EventType.ISSUE_CREATED_ID);
        awaitIdle(1);
        eventually(() -> assertThat(jira.records.findByIssueId(1)).isPresent());

        issue.status("Ready").updated(TestJira.T0.plusSeconds(10));
        fire(issue, EventType.ISSUE_UPDATED_ID);
        eventually(() -> assertThat(jira.records.findByIssueId(1).map(FailureRecord::status)).hasValue("Ready"));

        issue.status("Running").updated(TestJira.T0.plusSeconds(20));
        fire(issue, EventType.ISSUE_GENERICEVENT_ID);
        eventually(() -> assertThat(jira.records.findByIssueId(1).map(FailureRecord::status)).hasValue("Running"));

        issue.status("Closed").updated(TestJira.T0.plusSeconds(30));
        fire(issue, EventType.ISSUE_CLOSED_ID);
        eventually(() -> assertThat(jira.records.findByIssueId(1).map(FailureRecord::status)).hasValue("Closed"));
        assertThat(jira.records.findByIssueId(1).orElseThrow().version()).isEqualTo(3);
    }

    @Test
    void theSameEventTwiceChangesNothing() {
        TestIssue issue = jira.incident(2, "INC-2");
        fire(issue, EventType.ISSUE_UPDATED_ID);
        awaitIdle(1);
        FailureRecord first = jira.records.findByIssueId(2).orElseThrow();

        fire(issue, EventType.ISSUE_UPDATED_ID);
        awaitIdle(2);

        assertThat(jira.records.findByIssueId(2)).contains(first);
        assertThat(first.version()).isZero();
    }

    @Test
    void aDeleteEventRemovesTheRecord() {
        TestIssue issue = jira.incident(3, "INC-3");
        fire(issue, EventType.ISSUE_CREATED_ID);
        awaitIdle(1);

        jira.issues.remove(3L); // Jira deletes, then tells us with the issue as it was
        fire(issue, EventType.ISSUE_DELETED_ID);

        eventually(() -> assertThat(jira.records.findByIssueId(3)).isEmpty());
    }

    @Test
    void aMoveToAnotherTypeRemovesTheRecordAndAMoveToAnotherProjectRekeysIt() {
        TestIssue moved = jira.experiment(4, "OPS-4");
        TestIssue rekeyed = jira.experiment(5, "OPS-5");
        fire(moved, EventType.ISSUE_CREATED_ID);
        fire(rekeyed, EventType.ISSUE_CREATED_ID);
        awaitIdle(2);

        moved.type(TestJira.TASK_TYPE);
        fire(moved, EventType.ISSUE_MOVED_ID);
        rekeyed.key("LAB-1");
        fire(rekeyed, EventType.ISSUE_MOVED_ID);

        eventually(() -> assertThat(jira.records.findByIssueId(4)).isEmpty());
        eventually(() -> assertThat(jira.records.findByIssueId(5).map(FailureRecord::issueKey)).hasValue("LAB-1"));
    }

    @Test
    void aLinkCreatedOrRemovedReprojectsBothEnds() {
        TestIssue from = jira.experiment(10, "OPS-10");
        TestIssue into = jira.experiment(11, "OPS-11");
        fire(from, EventType.ISSUE_CREATED_ID);
        fire(into, EventType.ISSUE_CREATED_ID);
        awaitIdle(2);

        TestJira.Link link = jira.link(from, TestJira.PIVOT_LINK, into);
        IssueLinkCreatedEvent created = mock(IssueLinkCreatedEvent.class);
        when(created.getIssueLink()).thenReturn(link);
        listener.onIssueLinkCreated(created);
        eventually(() -> assertThat(jira.records.findByIssueId(11).map(FailureRecord::pivotedFrom)).hasValue("OPS-10"));

        jira.links.remove(link);
        IssueLinkDeletedEvent deleted = mock(IssueLinkDeletedEvent.class);
        when(deleted.getIssueLink()).thenReturn(link);
        listener.onIssueLinkDeleted(deleted);
        eventually(() -> assertThat(jira.records.findByIssueId(11).orElseThrow().pivotedFrom()).isNull());
    }

    @Test
    void linksOfOtherTypesAreNotQueued() {
        TestIssue a = jira.experiment(10, "OPS-10");
        TestIssue b = jira.experiment(11, "OPS-11");
        IssueLinkCreatedEvent created = mock(IssueLinkCreatedEvent.class);
        when(created.getIssueLink()).thenReturn(jira.link(a, TestJira.BLOCKS_LINK, b));

        listener.onIssueLinkCreated(created);

        assertThat(queue.stats().waiting() + queue.stats().projected()).isZero();
    }

    @Test
    void eventsOnIssuesOfOtherTypesAreQueuedAndChangeNothing() throws Exception {
        // another type may have become ours, or be an action item's follow-up: the worker reads it and decides
        TestIssue task = jira.task(20, "OPS-20");

        fire(task, EventType.ISSUE_CREATED_ID);
        fire(task, EventType.ISSUE_RESOLVED_ID);
        fire(task, EventType.ISSUE_UPDATED_ID);
        awaitIdle(1);

        assertThat(jira.records.all()).isEmpty();
        assertThat(jira.records.upserts).hasValue(0);
    }

    @Test
    void commentsAndWorkLogsAreNotQueued() {
        TestIssue issue = jira.experiment(1, "OPS-1");

        fire(issue, EventType.ISSUE_COMMENTED_ID);
        fire(issue, 10L);
        fire(issue, 17L);

        assertThat(queue.stats().waiting() + queue.stats().projected()).isZero();
    }

    @Test
    void theListenerNeverThrowsIntoTheUsersRequest() {
        IssueEvent broken = mock(IssueEvent.class);
        when(broken.getIssue()).thenThrow(new IllegalStateException("issue not loadable"));
        IssueLinkCreatedEvent brokenLink = mock(IssueLinkCreatedEvent.class);
        IssueLink link = mock(IssueLink.class);
        when(link.getLinkTypeId()).thenThrow(new IllegalStateException("link gone"));
        when(brokenLink.getIssueLink()).thenReturn(link);

        assertThatCode(() -> listener.onIssueEvent(broken)).doesNotThrowAnyException();
        assertThatCode(() -> listener.onIssueLinkCreated(brokenLink)).doesNotThrowAnyException();
        assertThatCode(() -> listener.onIssueEvent(event(null, EventType.ISSUE_UPDATED_ID))).doesNotThrowAnyException();
    }

    @Test
    void aFullQueueDropsTheEventButTheRequestGoesOn() {
        ProjectionQueue tiny = new ProjectionQueue(id -> { }, 1); // not started: nothing is taken off
        IssueEventListener onTiny = new IssueEventListener(publisher, tiny, jira.setup);

        onTiny.onIssueEvent(event(jira.experiment(1, "OPS-1"), EventType.ISSUE_UPDATED_ID));
        onTiny.onIssueEvent(event(jira.experiment(2, "OPS-2"), EventType.ISSUE_UPDATED_ID));
        onTiny.onIssueEvent(event(jira.experiment(3, "OPS-3"), EventType.ISSUE_UPDATED_ID));

        assertThat(tiny.stats().waiting()).isEqualTo(1);
        assertThat(tiny.stats().dropped()).isEqualTo(2);
    }
}
