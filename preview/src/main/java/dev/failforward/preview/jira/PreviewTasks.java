package dev.failforward.preview.jira;

import com.atlassian.activeobjects.external.ActiveObjects;
import dev.failforward.core.record.FailureRecord;
import dev.failforward.core.record.FailureRecordRepository;
import dev.failforward.jira.failuredb.FailureDbException;
import dev.failforward.jira.failuredb.FollowUpIssues;
import dev.failforward.jira.permissions.RecordPermissions;
import net.java.ao.Query;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The preview's Task issues, stored in {@code PREVIEW_TASK}, and what Jira is to the plugin's follow-ups
 * ({@link FollowUpIssues}): a follow-up of an action item is created here as a Task in the chosen project (a project
 * the preview user may browse; "Create Issues" is the preview's Edit Issues there), with the next key of that project,
 * linked to the record's issue ("is a follow-up of"). Resolving and reopening a task ({@link #resolve}) is what a Jira
 * transition is; the caller then runs the plugin's projection step for it, as Jira's issue event would.
 */
public final class PreviewTasks implements FollowUpIssues {

    /** Task issue ids start here, far from the preview issues' ({@link PreviewIssues#ID_OFFSET}) and the demo's. */
    static final long ID_OFFSET = 500_000_000L;
    /** The preview's only issue type for follow-ups, numeric as Jira's ids are. */
    public static final String TASK_TYPE_ID = "10003";
    public static final String RESOLUTION_DONE = "Done";

    private final ActiveObjects ao;
    private final PreviewIssues issues;
    private final FailureRecordRepository records;
    private final RecordPermissions permissions;
    private final Supplier<String> baseUrl;
    private final Clock clock;

    public PreviewTasks(ActiveObjects ao, PreviewIssues issues, FailureRecordRepository records,
                        RecordPermissions permissions, Supplier<String> baseUrl, Clock clock) {
        this.ao = ao;
        this.issues = issues;
        this.records = records;
        this.permissions = permissions;
        this.baseUrl = baseUrl;
        this.clock = clock;
    }

    /** A Task issue of the preview. */
    public record Task(long id, String key, String projectKey, String summary, String assigneeKey, String dueDate,
                       String resolution, String followUpOf, Instant createdAt) {
        public boolean resolved() {
            return resolution != null;
        }

        public String statusName() {
            return resolved() ? "Done" : "Open";
        }
    }

    public Optional<Task> find(long issueId) {
        if (issueId <= ID_OFFSET || issueId - ID_OFFSET > Integer.MAX_VALUE) {
            return Optional.empty();
        }
        PreviewTaskEntity[] rows = ao.find(PreviewTaskEntity.class,
                Query.select().where("ID = ?", (int) (issueId - ID_OFFSET)));
        return rows.length == 0 ? Optional.empty() : Optional.of(toTask(rows[0]));
    }

    public Optional<Task> byKey(String key) {
        PreviewTaskEntity[] rows = ao.find(PreviewTaskEntity.class, Query.select().where("ISSUE_KEY = ?", key));
        return rows.length == 0 ? Optional.empty() : Optional.of(toTask(rows[0]));
    }

    /** The tasks of these projects (all when {@code projectKey} is null), newest first, at most {@code limit}. */
    public List<Task> list(String projectKey, int limit) {
        Query query = projectKey == null ? Query.select() : Query.select().where("PROJECT_KEY = ?", projectKey);
        List<Task> tasks = new ArrayList<>();
        for (PreviewTaskEntity row : ao.find(PreviewTaskEntity.class, query.order("ID DESC").limit(limit))) {
            Task task = toTask(row);
            if (permissions.canBrowse(task.projectKey())) {
                tasks.add(task);
            }
        }
        return tasks;
    }

    /** Resolves the task ("Done") or reopens it ({@code null}); returns it as stored. */
    public Optional<Task> resolve(String key, boolean resolved) {
        PreviewTaskEntity[] rows = ao.find(PreviewTaskEntity.class, Query.select().where("ISSUE_KEY = ?", key));
        if (rows.length == 0) {
            return Optional.empty();
        }
        rows[0].setResolution(resolved ? RESOLUTION_DONE : null);
        rows[0].save();
        return Optional.of(toTask(rows[0]));
    }

    /** The highest issue number of the project's tasks (0 when none): issue keys of a project are one sequence. */
    int maxNumber(String projectKey) {
        int max = 0;
        for (PreviewTaskEntity row : ao.find(PreviewTaskEntity.class, Query.select().where("PROJECT_KEY = ?", projectKey))) {
            max = Math.max(max, Integer.parseInt(row.getIssueKey().substring(row.getIssueKey().indexOf('-') + 1)));
        }
        return max;
    }

    // ----- FollowUpIssues -----

    @Override
    public IssueRef create(NewIssue request) {
        String project = request.projectKey() == null ? "" : request.projectKey().toUpperCase(Locale.ROOT);
        if (!FailureRecord.isProjectKey(project) || !permissions.canBrowse(project)) {
            throw new FailureDbException.BadField("project", "unknown", "failforward.followup.error.project.unknown",
                    String.valueOf(request.projectKey()));
        }
        if (!permissions.canEdit(project)) {
            throw new FailureDbException.FieldDenied("project", "failforward.followup.error.project.create", project);
        }
        if (request.issueTypeId() != null && !TASK_TYPE_ID.equals(request.issueTypeId())) {
            throw new FailureDbException.BadField("issueType", "unknown",
                    "failforward.followup.error.issuetype.unknown", request.issueTypeId(), project);
        }
        return dev.failforward.jira.persistence.Transactions.write(ao, () -> {
            int next = Math.max(issues.nextNumber(project), maxNumber(project) + 1);
            Map<String, Object> columns = new LinkedHashMap<>();
            columns.put("ISSUE_KEY", project + "-" + next);
            columns.put("PROJECT_KEY", project);
            columns.put("SUMMARY", request.summary().isEmpty() ? "Follow-up" : request.summary());
            columns.put("ASSIGNEE_KEY", request.assigneeKey());
            columns.put("DUE_DATE", request.dueDate() == null ? null : request.dueDate().toString());
            columns.put("CREATED_AT", Date.from(clock.instant()));
            Task task = toTask(ao.create(PreviewTaskEntity.class, columns));
            return new IssueRef(task.id(), task.key());
        });
    }

    @Override
    public Optional<IssueRef> find(String issueKey) {
        return byKey(issueKey == null ? "" : issueKey.strip().toUpperCase(Locale.ROOT))
                .filter(task -> permissions.canBrowse(task.projectKey()))
                .map(task -> new IssueRef(task.id(), task.key()));
    }

    @Override
    public void link(long followUpIssueId, long recordIssueId) {
        Optional<String> recordKey = records.findByIssueId(recordIssueId).map(FailureRecord::issueKey);
        find(followUpIssueId).ifPresent(task -> {
            PreviewTaskEntity[] rows = ao.find(PreviewTaskEntity.class, Query.select().where("ISSUE_KEY = ?", task.key()));
            rows[0].setFollowUpOf(recordKey.orElse(null));
            rows[0].save();
        });
    }

    @Override
    public Optional<FollowUpView> view(long issueId) {
        return find(issueId).filter(task -> permissions.canBrowse(task.projectKey()))
                .map(task -> new FollowUpView(task.key(), url(task.key()), task.summary(), task.statusName(),
                        task.resolved()));
    }

    @Override
    public Optional<Boolean> resolved(long issueId) {
        return find(issueId).map(Task::resolved);
    }

    @Override
    public String url(String issueKey) {
        return baseUrl.get() + "/browse/" + issueKey;
    }

    private static Task toTask(PreviewTaskEntity row) {
        return new Task(ID_OFFSET + row.getID(), row.getIssueKey(), row.getProjectKey(), row.getSummary(),
                row.getAssigneeKey(), row.getDueDate(), row.getResolution(), row.getFollowUpOf(),
                row.getCreatedAt().toInstant());
    }
}
