package dev.failforward.preview.jira;

import com.atlassian.jira.bc.project.component.ProjectComponent;
import com.atlassian.jira.issue.MutableIssue;
import com.atlassian.jira.issue.fields.CustomField;
import com.atlassian.jira.issue.issuetype.IssueType;
import com.atlassian.jira.issue.label.Label;
import com.atlassian.jira.issue.status.Status;
import com.atlassian.jira.project.Project;
import dev.failforward.core.record.RecordKind;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An experiment or incident issue of the preview's "Jira": what Jira's {@code MutableIssue} is to the plugin's
 * workflow modules and to the failure database's projection. Custom field values are held as Jira holds them (String,
 * Double, Timestamp, Option). The preview's issues have no labels and no components (its screens do not offer them).
 */
public final class PreviewIssue implements MutableIssue {

    record Type(String getId, String getName) implements IssueType {
        @Override
        public boolean isSubTask() {
            return false;
        }
    }

    /** The preview's issue type ids: numbers, as Jira's are (the plugin's JQL takes only numeric ids). */
    public static final String EXPERIMENT_TYPE_ID = "10001";
    public static final String INCIDENT_TYPE_ID = "10002";

    static String typeId(RecordKind kind) {
        return kind == RecordKind.EXPERIMENT ? EXPERIMENT_TYPE_ID : INCIDENT_TYPE_ID;
    }

    /** A workflow status: the id is the core status name ({@code LEARNING_REVIEW}), the name as shown ("Learning review"). */
    record PreviewStatus(String getId, String getName) implements Status {
    }

    record PreviewProject(Long getId, String getKey, String getName) implements Project {
        /** The preview's projects have no lead. */
        @Override
        public com.atlassian.jira.user.ApplicationUser getProjectLead() {
            return null;
        }
    }

    private final long id;
    private final String key;
    private final RecordKind kind;
    private String summary;
    /** Jira's description (the preview's screens do not edit it; an import writes it). */
    private String description;
    private String status;
    private final Instant created;
    private final Instant updated;
    private final Map<String, Object> values = new HashMap<>();

    PreviewIssue(long id, String key, RecordKind kind, String summary, String status, Instant created, Instant updated) {
        this.id = id;
        this.key = key;
        this.kind = kind;
        this.summary = summary;
        this.status = status;
        this.created = created;
        this.updated = updated;
    }

    /** A copy whose field values can change without touching this one (a transition works on a copy). */
    PreviewIssue copy() {
        PreviewIssue copy = new PreviewIssue(id, key, kind, summary, status, created, updated);
        copy.values.putAll(values);
        copy.description = description;
        return copy;
    }

    @Override
    public Long getId() {
        return id;
    }

    @Override
    public com.atlassian.jira.user.ApplicationUser getReporter() {
        return null;
    }

    @Override
    public String getKey() {
        return key;
    }

    public String projectKey() {
        return key.substring(0, key.indexOf('-'));
    }

    public RecordKind kind() {
        return kind;
    }

    @Override
    public String getDescription() {
        return description;
    }

    void setDescription(String description) {
        this.description = description == null || description.isBlank() ? null : description;
    }

    @Override
    public String getSummary() {
        return summary;
    }

    void setSummary(String summary) {
        this.summary = summary;
    }

    /** The status id: the core status name, e.g. {@code DRAFT}. */
    public String status() {
        return status;
    }

    void setStatus(String status) {
        this.status = status;
    }

    public Instant created() {
        return created;
    }

    @Override
    public IssueType getIssueType() {
        return new Type(typeId(kind), kind == RecordKind.EXPERIMENT ? "Experiment" : "Incident");
    }

    @Override
    public Project getProjectObject() {
        return new PreviewProject((long) projectKey().hashCode(), projectKey(), projectKey());
    }

    @Override
    public Timestamp getCreated() {
        return Timestamp.from(created);
    }

    /** When the issue was last saved. */
    @Override
    public Timestamp getUpdated() {
        return Timestamp.from(updated);
    }

    @Override
    public Status getStatus() {
        return new PreviewStatus(status, PreviewWorkflows.statusName(status));
    }

    @Override
    public Set<Label> getLabels() {
        return Set.of();
    }

    @Override
    public Collection<ProjectComponent> getComponents() {
        return List.of();
    }

    /** The preview's experiments and incidents carry no resolution (their workflows end in a status). */
    @Override
    public com.atlassian.jira.issue.resolution.Resolution getResolution() {
        return null;
    }

    @Override
    public Object getCustomFieldValue(CustomField customField) {
        return values.get(customField.getId());
    }

    @Override
    public void setCustomFieldValue(CustomField customField, Object value) {
        if (value == null) {
            values.remove(customField.getId());
        } else {
            values.put(customField.getId(), value);
        }
    }

    Map<String, Object> values() {
        return values;
    }
}
