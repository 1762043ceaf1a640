package dev.failforward.preview.jira;

import com.atlassian.activeobjects.external.ActiveObjects;
import com.atlassian.jira.issue.IssueManager;
import com.atlassian.jira.issue.MutableIssue;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.failforward.core.experiment.ExperimentStatus;
import dev.failforward.core.incident.IncidentStatus;
import dev.failforward.core.record.FailureRecord;
import dev.failforward.core.record.FailureRecordRepository;
import dev.failforward.core.record.RecordKind;
import dev.failforward.jira.fields.FailForwardField;
import net.java.ao.Query;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The preview's issues, stored in {@code PREVIEW_ISSUE}; to the plugin's projection they are Jira's
 * {@link IssueManager}. Saving only stores: the caller then projects the issue into the failure database
 * ({@code JiraIssueProjection.project(issueId)}), as Jira's issue event makes the plugin do after Jira stored it.
 */
public final class PreviewIssues implements IssueManager {

    /** Preview issue ids start here so they never meet the demo records' ids. */
    static final long ID_OFFSET = 1_000_000L;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ActiveObjects ao;
    private final FailureRecordRepository records;
    private final PreviewFieldRegistry registry;
    private final FieldCodec codec;
    private final Clock clock;

    PreviewIssues(ActiveObjects ao, FailureRecordRepository records, PreviewFieldRegistry registry, Clock clock) {
        this.ao = ao;
        this.records = records;
        this.registry = registry;
        this.codec = new FieldCodec(registry);
        this.clock = clock;
    }

    /** A new, unsaved issue with the next key of the project. */
    PreviewIssue draft(RecordKind kind, String projectKey, String summary) {
        String status = kind == RecordKind.EXPERIMENT ? ExperimentStatus.DRAFT.name() : IncidentStatus.REPORTED.name();
        int next = nextNumber(projectKey);
        Instant now = clock.instant();
        return new PreviewIssue(0, projectKey + "-" + next, kind, summary, status, now, now);
    }

    /** Saves a new issue (returns it with its id) or an existing one; the caller projects it. */
    PreviewIssue save(PreviewIssue issue) {
        PreviewIssue saved = dev.failforward.jira.persistence.Transactions.write(ao, () -> {
            Instant now = clock.instant();
            PreviewIssueEntity[] rows = ao.find(PreviewIssueEntity.class, Query.select().where("ISSUE_KEY = ?", issue.getKey()));
            if (rows.length == 0) {
                Map<String, Object> columns = new LinkedHashMap<>();
                columns.put("ISSUE_KEY", issue.getKey());
                columns.put("PROJECT_KEY", issue.projectKey());
                columns.put("KIND", issue.kind().name());
                columns.put("SUMMARY", issue.getSummary());
                columns.put("STATUS", issue.status());
                columns.put("FIELDS_JSON", json(issue));
                columns.put("CREATED_AT", Date.from(issue.created()));
                columns.put("UPDATED_AT", Date.from(now));
                return toIssue(ao.create(PreviewIssueEntity.class, columns));
            }
            // the row locked first (an unchanged key written takes the write lock until commit) and read again:
            // saves of one issue commit one after the other, and each one's "updated" is later than the one before
            // it, so the issue's last state is also its latest "updated" (what the projection orders snapshots by)
            PreviewIssueEntity row = rows[0];
            row.setIssueKey(row.getIssueKey());
            row.save();
            PreviewIssueEntity[] locked = ao.find(PreviewIssueEntity.class, Query.select().where("ID = ?", row.getID()));
            if (locked.length == 1) {
                row = locked[0];
                Instant previous = row.getUpdatedAt().toInstant();
                if (!now.isAfter(previous)) {
                    now = previous.plusMillis(1);
                }
            }
            row.setSummary(issue.getSummary());
            row.setStatus(issue.status());
            row.setFieldsJson(json(issue));
            row.setUpdatedAt(Date.from(now));
            row.save();
            return toIssue(row);
        });
        return saved;
    }

    /** Jira's {@code IssueManager}: the issue with this id, or null (also for ids that are not the preview's, e.g. demo records'). */
    @Override
    public MutableIssue getIssueObject(Long id) {
        if (id == null || id <= ID_OFFSET || id - ID_OFFSET > Integer.MAX_VALUE) {
            return null;
        }
        PreviewIssueEntity[] rows = ao.find(PreviewIssueEntity.class, Query.select().where("ID = ?", (int) (id - ID_OFFSET)));
        return rows.length == 0 ? null : toIssue(rows[0]);
    }

    /** Jira's {@code IssueManager}: the preview's projects have no ids (the import looks up by key, {@link #findImported}). */
    @Override
    public java.util.Collection<Long> getIssueIdsForProject(Long projectId) {
        throw new UnsupportedOperationException("the preview's projects have no ids");
    }

    /**
     * The newest issue of the project created at or after {@code since} whose description holds the import marker (what
     * Jira's lookup reads from its database, {@code JiraImportedIssueLookup}).
     */
    public Optional<PreviewIssue> findImported(String projectKey, String marker, Instant since) {
        for (PreviewIssueEntity row : ao.find(PreviewIssueEntity.class, Query.select()
                .where("PROJECT_KEY = ? AND CREATED_AT >= ?", projectKey, Date.from(since.minusSeconds(300)))
                .order("ID DESC"))) {
            PreviewIssue issue = toIssue(row);
            if (issue.getDescription() != null && issue.getDescription().contains(marker)) {
                return Optional.of(issue);
            }
        }
        return Optional.empty();
    }

    public Optional<PreviewIssue> find(String key) {
        PreviewIssueEntity[] rows = ao.find(PreviewIssueEntity.class, Query.select().where("ISSUE_KEY = ?", key));
        return rows.length == 0 ? Optional.empty() : Optional.of(toIssue(rows[0]));
    }

    /**
     * Issues of these kinds with an id above {@code afterIssueId}, by id, at most {@code limit}; and how many there are
     * in all (what Jira's search answers the backfill's query with).
     */
    Page after(java.util.Set<RecordKind> kinds, long afterIssueId, int limit) {
        if (kinds.isEmpty()) {
            return new Page(List.of(), 0);
        }
        long afterRow = Math.max(0, afterIssueId - ID_OFFSET);
        if (afterRow >= Integer.MAX_VALUE) {
            return new Page(List.of(), 0);
        }
        List<Object> parameters = new ArrayList<>();
        parameters.add((int) afterRow);
        kinds.forEach(kind -> parameters.add(kind.name()));
        String where = "ID > ? AND KIND IN (" + String.join(", ", java.util.Collections.nCopies(kinds.size(), "?")) + ")";
        List<PreviewIssue> issues = new ArrayList<>();
        for (PreviewIssueEntity row : ao.find(PreviewIssueEntity.class, Query.select().where(where, parameters.toArray())
                .order("ID ASC").limit(limit))) {
            issues.add(toIssue(row));
        }
        return new Page(issues, ao.count(PreviewIssueEntity.class, where, parameters.toArray()));
    }

    /** One page of issues and the number of matches over all pages. */
    record Page(List<PreviewIssue> issues, int total) {
    }

    public List<PreviewIssue> recent(int limit) {
        List<PreviewIssue> issues = new ArrayList<>();
        for (PreviewIssueEntity row : ao.find(PreviewIssueEntity.class, Query.select().order("UPDATED_AT DESC, ID DESC").limit(limit))) {
            issues.add(toIssue(row));
        }
        return issues;
    }

    FieldCodec codec() {
        return codec;
    }

    /** The next free issue number of the project: after its preview issues, its follow-up tasks and its records. */
    int nextNumber(String projectKey) {
        int max = 0;
        for (PreviewTaskEntity row : ao.find(PreviewTaskEntity.class, Query.select().where("PROJECT_KEY = ?", projectKey))) {
            max = Math.max(max, number(row.getIssueKey()));
        }
        for (PreviewIssueEntity row : ao.find(PreviewIssueEntity.class, Query.select().where("PROJECT_KEY = ?", projectKey))) {
            max = Math.max(max, number(row.getIssueKey()));
        }
        for (FailureRecord record : records.findByProject(projectKey, dev.failforward.core.record.PageRequest.first(500))) {
            max = Math.max(max, number(record.issueKey()));
        }
        return max + 1;
    }

    private static int number(String key) {
        return Integer.parseInt(key.substring(key.indexOf('-') + 1));
    }

    /** Deletes a preview issue (the import removes one it could not finish); false when there is none. */
    public boolean delete(long issueId) {
        PreviewIssueEntity[] rows = ao.find(PreviewIssueEntity.class,
                net.java.ao.Query.select().where("ID = ?", issueId - ID_OFFSET));
        if (rows.length == 0) {
            return false;
        }
        ao.delete(rows);
        return true;
    }

    private String json(PreviewIssue issue) {
        Map<String, String> stored = new TreeMap<>();
        if (issue.getDescription() != null) {
            stored.put(DESCRIPTION, issue.getDescription());
        }
        for (FailForwardField field : FailForwardField.values()) {
            String id = idOf(field);
            Object value = issue.values().get(id);
            if (value != null) {
                stored.put(field.key(), codec.toForm(field, value));
            }
        }
        try {
            return JSON.writeValueAsString(stored);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the issue's fields", e);
        }
    }

    /** The description's key among the stored fields (no field of ours has it). */
    private static final String DESCRIPTION = "description";

    private PreviewIssue toIssue(PreviewIssueEntity row) {
        PreviewIssue issue = new PreviewIssue(ID_OFFSET + row.getID(), row.getIssueKey(), RecordKind.valueOf(row.getKind()),
                row.getSummary(), row.getStatus(), row.getCreatedAt().toInstant(), row.getUpdatedAt().toInstant());
        try {
            Map<String, String> stored = row.getFieldsJson() == null ? Map.of()
                    : JSON.readValue(row.getFieldsJson(), new TypeReference<Map<String, String>>() { });
            for (FailForwardField field : FailForwardField.values()) {
                String value = stored.get(field.key());
                if (value != null) {
                    codec.fromStored(field, value).ifPresent(v -> issue.values().put(idOf(field), v));
                }
            }
            issue.setDescription(stored.get(DESCRIPTION));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot read the fields of " + row.getIssueKey(), e);
        }
        return issue;
    }

    private String idOf(FailForwardField field) {
        return registry.id(field);
    }
}
