package dev.failforward.jira.projection;

import com.atlassian.event.api.EventListener;
import com.atlassian.event.api.EventPublisher;
import com.atlassian.jira.event.issue.IssueEvent;
import com.atlassian.jira.event.issue.link.IssueLinkCreatedEvent;
import com.atlassian.jira.event.issue.link.IssueLinkDeletedEvent;
import com.atlassian.jira.event.type.EventType;
import com.atlassian.jira.issue.Issue;
import com.atlassian.jira.issue.link.IssueLink;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;

import java.util.Objects;
import java.util.Set;

/**
 * Keeps the failure database in step with Jira: every issue event that can change a record, and every "Pivots" or
 * "Recurrence" link created or removed, puts the issue id(s) on the {@link ProjectionQueue}. Nothing else happens on
 * the request thread: no database access of ours, no exception escapes (a listener that throws would be logged by
 * Jira against the user's action).
 *
 * <p>Which issue events: all except comments and work logs ({@link #IGNORED_EVENT_TYPES}), so created (1), updated
 * (2), the system transition events (3–5, 7, 11, 12), generic / workflow transitions (13), deleted (8), moved (9) and
 * custom events fired by workflows all re-project. An issue of another type is queued for the same events: it may
 * have become one of ours or stopped being one ("updated", "moved"), and it may be an action item's follow-up issue
 * whose resolution changed (any transition or edit). The worker reads the issue again in any case and decides; for
 * an issue that is neither, that is two indexed look-ups off the request thread.
 *
 * <p>Registers itself with Jira's {@link EventPublisher} once Spring has built it, and unregisters when the plugin is
 * disabled (reference atlassian-api.md §2.7).
 */
@Named
public class IssueEventListener implements InitializingBean, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(IssueEventListener.class);

    /** Events that never change what the failure database holds. */
    static final Set<Long> IGNORED_EVENT_TYPES = Set.of(
            EventType.ISSUE_COMMENTED_ID, 10L /* worklogged */, 14L /* comment edited */,
            15L /* worklog updated */, 16L /* worklog deleted */, 17L /* comment deleted */);

    private final EventPublisher eventPublisher;
    private final ProjectionQueue queue;
    private final ProjectionSetup setup;

    @Inject
    public IssueEventListener(@ComponentImport EventPublisher eventPublisher, ProjectionQueue queue,
                              ProjectionSetup setup) {
        this.eventPublisher = Objects.requireNonNull(eventPublisher, "eventPublisher");
        this.queue = Objects.requireNonNull(queue, "queue");
        this.setup = Objects.requireNonNull(setup, "setup");
    }

    @Override
    public void afterPropertiesSet() {
        eventPublisher.register(this);
    }

    @Override
    public void destroy() {
        eventPublisher.unregister(this);
    }

    @EventListener
    public void onIssueEvent(IssueEvent event) {
        try {
            Issue issue = event.getIssue();
            Long type = event.getEventTypeId();
            if (issue == null || issue.getId() == null || type == null || IGNORED_EVENT_TYPES.contains(type)) {
                return;
            }
            // an issue of another type may be an action item's follow-up: its resolution can change with any event
            // but comments and work logs, so it is queued too (the worker asks the FOLLOW_UP_ISSUE_ID index)
            queue.offer(issue.getId());
        } catch (RuntimeException e) {
            log.warn("Fail Forward could not queue an issue event for projection", e);
        }
    }

    @EventListener
    public void onIssueLinkCreated(IssueLinkCreatedEvent event) {
        onLink(event.getIssueLink());
    }

    @EventListener
    public void onIssueLinkDeleted(IssueLinkDeletedEvent event) {
        onLink(event.getIssueLink());
    }

    /** Both ends of one of our links: the destination's record names the source; the source may be ours too. */
    private void onLink(IssueLink link) {
        try {
            if (link == null || link.getLinkTypeId() == null) {
                return;
            }
            long type = link.getLinkTypeId();
            boolean ours = setup.pivotLinkTypeId().filter(id -> id == type).isPresent()
                    || setup.recurrenceLinkTypeId().filter(id -> id == type).isPresent();
            if (!ours) {
                return;
            }
            if (link.getSourceId() != null) {
                queue.offer(link.getSourceId());
            }
            if (link.getDestinationId() != null) {
                queue.offer(link.getDestinationId());
            }
        } catch (RuntimeException e) {
            log.warn("Fail Forward could not queue an issue link event for projection", e);
        }
    }
}
