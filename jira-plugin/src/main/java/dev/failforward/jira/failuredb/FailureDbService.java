package dev.failforward.jira.failuredb;

import dev.failforward.core.record.ActionItem;
import dev.failforward.core.record.ActionItemCommand;
import dev.failforward.core.record.ActionItemRepository;
import dev.failforward.core.record.ActionStatus;
import dev.failforward.core.record.FailureRecord;
import dev.failforward.core.record.FailureRecordRepository;
import dev.failforward.core.record.Learning;
import dev.failforward.core.record.LearningCommand;
import dev.failforward.core.record.LearningRepository;
import dev.failforward.core.record.PageRequest;
import dev.failforward.core.record.RecordPage;
import dev.failforward.core.record.RecordQuery;
import dev.failforward.core.record.RecordSort;
import dev.failforward.core.record.UserDirectory;
import dev.failforward.core.record.Validated;
import dev.failforward.core.record.WhyStepRepository;
import dev.failforward.jira.permissions.RecordPermissions;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The failure database as the current user may see and change it: the thin application service between the REST
 * resources and the repositories. Every method applies {@link RecordPermissions} itself, so no caller can forget it.
 *
 * <p><b>Nothing leaks from projects the user cannot browse.</b> Searches are narrowed to the browsable projects
 * <em>before</em> the query runs, so totals never count hidden records; a record, learning or action item of a hidden
 * project is reported exactly like one that does not exist ({@link FailureDbException.NotFound} with the same key and
 * arguments).
 */
@Named
public class FailureDbService {

    /** Records per page when exporting. */
    static final int EXPORT_PAGE = 200;

    private final FailureRecordRepository records;
    private final LearningRepository learnings;
    private final ActionItemRepository actions;
    private final WhyStepRepository whys;
    private final RecordPermissions permissions;
    private final BrowsableProjects projects;
    private final UserDirectory users;
    private final Clock clock;

    private final RecordChanges changes;
    /** Told when a record gains or loses a learning or action item (the count fields); set by the injected constructor. */
    private CountsChanged counts = CountsChanged.NONE;
    /** Where a text search is answered: this node's search index when ready, else SQL; set by the injected constructor. */
    private RecordTextIndex textIndex = RecordTextIndex.NONE;

    @Inject
    public FailureDbService(FailureRecordRepository records, LearningRepository learnings, ActionItemRepository actions,
                            WhyStepRepository whys, RecordPermissions permissions, UserDirectory users,
                            RecordChanges changes, CountsChanged counts, RecordTextIndex textIndex) {
        this(records, learnings, actions, whys, permissions, users, changes, Clock.systemUTC());
        this.counts = Objects.requireNonNull(counts, "counts");
        this.textIndex = Objects.requireNonNull(textIndex, "textIndex");
    }

    /** Text searches always in SQL. */
    public FailureDbService(FailureRecordRepository records, LearningRepository learnings, ActionItemRepository actions,
                            WhyStepRepository whys, RecordPermissions permissions, UserDirectory users,
                            RecordChanges changes, CountsChanged counts) {
        this(records, learnings, actions, whys, permissions, users, changes, counts, RecordTextIndex.NONE);
    }

    /** Without {@link CountsChanged}: nothing follows the counts (the preview's JQL reads the database itself). */
    public FailureDbService(FailureRecordRepository records, LearningRepository learnings, ActionItemRepository actions,
                            WhyStepRepository whys, RecordPermissions permissions, UserDirectory users,
                            RecordChanges changes) {
        this(records, learnings, actions, whys, permissions, users, changes, Clock.systemUTC());
    }

    /** @param users who may own an action item: a new or changed owner must be one of them */
    public FailureDbService(FailureRecordRepository records, LearningRepository learnings, ActionItemRepository actions,
                            WhyStepRepository whys, RecordPermissions permissions, UserDirectory users,
                            RecordChanges changes, Clock clock) {
        this.users = Objects.requireNonNull(users, "users");
        this.changes = Objects.requireNonNull(changes, "changes");
        this.records = Objects.requireNonNull(records, "records");
        this.learnings = Objects.requireNonNull(learnings, "learnings");
        this.actions = Objects.requireNonNull(actions, "actions");
        this.whys = Objects.requireNonNull(whys, "whys");
        this.permissions = Objects.requireNonNull(permissions, "permissions");
        this.projects = new BrowsableProjects(permissions);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * One page of the records matching {@code query} in the projects the user may browse.
     *
     * @param requestedProjects the projects the user asked for ({@code null} = every project they may browse); keys
     *                          they may not browse, or that do not exist or are malformed, are silently dropped, so
     *                          asking for a hidden project answers like asking for a missing one: nothing
     * @param query             the filters, sort and page; its own project keys are ignored
     * @throws FailureDbException.TooManyProjects when no projects were requested and the user may browse more than one
     *                                            query can name
     */
    public RecordPage search(Set<String> requestedProjects, RecordQuery query) {
        Objects.requireNonNull(query, "query");
        Set<String> allowed = projects.forSearch(requestedProjects, RecordQuery.MAX_PROJECTS);
        RecordQuery narrowed = new RecordQuery(allowed, query.kind(), query.statuses(), query.phase(),
                query.failureType(), query.failureCategory(), query.createdFrom(), query.createdBefore(), query.text(),
                query.sort(), query.ascending(), query.page());
        if (allowed.isEmpty()) {
            return new RecordPage(java.util.List.of(), 0, query.page());
        }
        if (narrowed.text() != null) {
            // free text: the node's index when it is ready (description, factors, learnings too), else SQL's LIKE
            return textIndex.searchRecords(narrowed).orElseGet(() -> records.search(narrowed));
        }
        return records.search(narrowed);
    }

    /** Tells {@link RecordChanges} the record's learnings or action items changed; returns {@code result}. */
    private <T> T changed(FailureRecord record, T result) {
        changes.changed(record.issueId());
        return result;
    }

    /** As {@link #changed}, and the record's counts changed: Jira reindexes the issue (after the commit above). */
    private <T> T counted(FailureRecord record, T result) {
        changed(record, result);
        counts.countsChanged(record.issueId());
        return result;
    }

    /** The record with its learnings, action items and whys. */
    public RecordDetails details(String issueKey) {
        return detailsOf(visibleRecord(issueKey));
    }

    /**
     * The experiments that pivoted from {@code issueKey} (oldest first, at most {@code limit}) as far as the user may
     * browse them; the record itself must be visible.
     */
    public List<FailureRecord> pivotedTo(String issueKey, int limit) {
        FailureRecord record = visibleRecord(issueKey);
        return records.findPivotedFrom(record.issueKey(), limit).stream()
                .filter(next -> permissions.canBrowse(next.projectKey())).toList();
    }

    public Learning addLearning(String issueKey, LearningCommand command) {
        FailureRecord record = editableRecord(issueKey);
        String author = permissions.currentUserKey().orElseThrow(() -> notFound(issueKey));
        return counted(record, learnings.add(valid(command.toDraft(record.issueId(), author, clock.instant()))));
    }

    public Learning editLearning(String issueKey, long learningId, LearningCommand command) {
        FailureRecord record = editableRecord(issueKey);
        Learning existing = learningOf(record, learningId);
        return changed(record, learnings.update(valid(command.applyTo(existing)))
                .orElseThrow(() -> learningNotFound(record, learningId)));
    }

    public void deleteLearning(String issueKey, long learningId) {
        FailureRecord record = editableRecord(issueKey);
        learningOf(record, learningId);
        if (!learnings.delete(learningId)) {
            throw learningNotFound(record, learningId);
        }
        counted(record, null);
    }

    public ActionItem addAction(String issueKey, ActionItemCommand command) {
        FailureRecord record = editableRecord(issueKey);
        return counted(record, actions.add(valid(command.toDraft(record.issueId(), clock.instant(), users))));
    }

    /**
     * Replaces every field of the action item.
     *
     * @throws dev.failforward.core.record.StaleEditException when it changed since {@code basedOnVersion} was read
     */
    public ActionItem editAction(String issueKey, long actionId, long basedOnVersion, ActionItemCommand command) {
        FailureRecord record = editableRecord(issueKey);
        ActionItem existing = actionOf(record, actionId);
        return changed(record, actions.update(valid(command.applyTo(existing, basedOnVersion, clock.instant(), users))));
    }

    /** Records an effectiveness check-in: the item becomes done, with the date, result and note given. */
    public ActionItem checkIn(String issueKey, long actionId, CheckIn checkIn) {
        Objects.requireNonNull(checkIn, "checkIn");
        FailureRecord record = editableRecord(issueKey);
        ActionItem existing = actionOf(record, actionId);
        ActionItemCommand command = new ActionItemCommand(existing.description(), existing.ownerKey(),
                existing.dueDate().toString(), existing.type().name(), ActionStatus.DONE.name(), checkIn.date(),
                checkIn.result(), checkIn.note());
        long version = checkIn.basedOnVersion() == null ? existing.version() : checkIn.basedOnVersion();
        return changed(record, actions.update(valid(command.applyTo(existing, version, clock.instant(), users))));
    }

    public void deleteAction(String issueKey, long actionId) {
        FailureRecord record = editableRecord(issueKey);
        actionOf(record, actionId);
        if (!actions.delete(actionId)) {
            throw actionNotFound(record, actionId);
        }
        counted(record, null);
    }

    /**
     * Checks now that the user may browse the project, and returns the export to run later (while the response is
     * written): it walks the project's records by issue key in pages of {@value #EXPORT_PAGE}, each with its
     * learnings, action items and whys.
     */
    public ProjectExport exportProject(String projectKey) {
        String key = projectKey == null ? "" : projectKey.strip();
        if (!FailureRecord.isProjectKey(key) || !permissions.canBrowse(key)) {
            throw new FailureDbException.NotFound("failforward.rest.error.project.notfound", projectKey);
        }
        return new ProjectExport(key);
    }

    /** A project's failure database, read page by page when {@link #forEach} runs. */
    public final class ProjectExport {
        private final String projectKey;

        private ProjectExport(String projectKey) {
            this.projectKey = projectKey;
        }

        public String projectKey() {
            return projectKey;
        }

        public void forEach(Consumer<RecordDetails> sink) {
            RecordQuery query = RecordQuery.inProjects(Set.of(projectKey)).sortedBy(RecordSort.KEY, true);
            int offset = 0;
            while (true) {
                RecordPage page = records.search(query.withPage(new PageRequest(offset, EXPORT_PAGE)));
                page.records().forEach(record -> sink.accept(detailsOf(record)));
                if (page.records().isEmpty() || !page.hasNext()) {
                    return;
                }
                offset += page.records().size();
            }
        }
    }

    private RecordDetails detailsOf(FailureRecord record) {
        return new RecordDetails(record, learnings.findByRecord(record.issueId()),
                actions.findByRecord(record.issueId()), whys.findByRecord(record.issueId()));
    }

    private FailureRecord visibleRecord(String issueKey) {
        String key = issueKey == null ? "" : issueKey.strip();
        if (!FailureRecord.isIssueKey(key)) {
            throw notFound(issueKey);
        }
        FailureRecord record = records.findByIssueKey(key).orElseThrow(() -> notFound(issueKey));
        if (!permissions.canBrowse(record.projectKey())) {
            throw notFound(issueKey);
        }
        return record;
    }

    /** The record, when the user may browse and edit it (for {@link FollowUpService}). */
    FailureRecord editableRecord(String issueKey) {
        FailureRecord record = visibleRecord(issueKey);
        if (!permissions.canEdit(record.projectKey())) {
            throw new FailureDbException.EditDenied();
        }
        return record;
    }

    private Learning learningOf(FailureRecord record, long learningId) {
        return learnings.findById(learningId)
                .filter(learning -> learning.recordIssueId() == record.issueId())
                .orElseThrow(() -> learningNotFound(record, learningId));
    }

    /** The record's action item (for {@link FollowUpService}). */
    ActionItem actionOf(FailureRecord record, long actionId) {
        return actions.findById(actionId)
                .filter(action -> action.recordIssueId() == record.issueId())
                .orElseThrow(() -> actionNotFound(record, actionId));
    }

    private static <T> T valid(Validated<T> validated) {
        if (!validated.isValid()) {
            throw new InvalidCommandException(validated.problems());
        }
        return validated.value();
    }

    private static FailureDbException.NotFound notFound(String issueKey) {
        return new FailureDbException.NotFound("failforward.failuredb.error.record.notfound", String.valueOf(issueKey));
    }

    private static FailureDbException.NotFound learningNotFound(FailureRecord record, long id) {
        return new FailureDbException.NotFound("failforward.failuredb.error.learning.notfound", record.issueKey(), id);
    }

    private static FailureDbException.NotFound actionNotFound(FailureRecord record, long id) {
        return new FailureDbException.NotFound("failforward.failuredb.error.action.notfound", record.issueKey(), id);
    }
}
