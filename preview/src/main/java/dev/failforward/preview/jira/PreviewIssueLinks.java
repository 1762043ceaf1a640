package dev.failforward.preview.jira;

import com.atlassian.jira.issue.Issue;
import com.atlassian.jira.issue.link.IssueLink;
import com.atlassian.jira.issue.link.IssueLinkManager;
import com.atlassian.jira.user.ApplicationUser;
import dev.failforward.core.record.FailureRecord;
import dev.failforward.core.record.FailureRecordRepository;
import dev.failforward.jira.failuredb.RecordChanges;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.LongFunction;

/**
 * Jira's issue links in the preview, for the one link type the preview's issues carry: "Recurrence" (A "recurs as" B).
 * The preview has no link table; the record's {@code recurrenceOf} is the store. A link made (the "Recurrence of …?"
 * confirmation through the plugin's {@code JiraRecurrenceLinks}) adds the source key to the destination's record, as
 * Jira's link event makes the projection do; reading the inward links gives them back, so a later re-projection of a
 * preview issue (an edit, a transition) keeps them.
 */
public final class PreviewIssueLinks implements IssueLinkManager {

    /** The id the preview's setup records for the "Recurrence" link type. */
    public static final long RECURRENCE_LINK_TYPE_ID = 10_100L;

    private record Link(Long getSourceId, Long getDestinationId, Long getLinkTypeId, Issue getSourceObject)
            implements IssueLink {
    }

    private final FailureRecordRepository records;
    private final RecordChanges changes;
    private final LongFunction<Issue> issueById;

    /** @param issueById the preview's issue of an id (its own, or a demo record's), or null */
    public PreviewIssueLinks(FailureRecordRepository records, RecordChanges changes, LongFunction<Issue> issueById) {
        this.records = Objects.requireNonNull(records, "records");
        this.changes = Objects.requireNonNull(changes, "changes");
        this.issueById = Objects.requireNonNull(issueById, "issueById");
    }

    @Override
    public List<IssueLink> getInwardLinks(Long issueId) {
        if (issueId == null) {
            return List.of();
        }
        return records.findByIssueId(issueId).stream()
                .flatMap(record -> record.recurrenceOf().stream())
                .flatMap(key -> records.findByIssueKey(key).stream())
                .map(past -> (IssueLink) new Link(past.issueId(), issueId, RECURRENCE_LINK_TYPE_ID,
                        issueById.apply(past.issueId())))
                .filter(link -> link.getSourceObject() != null)
                .toList();
    }

    @Override
    public void createIssueLink(Long source, Long destination, Long linkTypeId, Long sequence, ApplicationUser user) {
        if (!Objects.equals(linkTypeId, RECURRENCE_LINK_TYPE_ID)) {
            throw new UnsupportedOperationException("the preview's issues carry only Recurrence links");
        }
        Optional<FailureRecord> past = records.findByIssueId(source);
        Optional<FailureRecord> record = records.findByIssueId(destination);
        if (past.isEmpty() || record.isEmpty()) {
            throw new IllegalArgumentException("no issue " + (past.isEmpty() ? source : destination));
        }
        TreeSet<String> keys = new TreeSet<>(record.get().recurrenceOf());
        if (keys.add(past.get().issueKey())) {
            records.upsert(record.get().toBuilder().recurrenceOf(keys).build());
            changes.changed(destination);
        }
    }
}
