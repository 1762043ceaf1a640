package dev.failforward.preview.jira;

import com.atlassian.jira.issue.MutableIssue;
import com.atlassian.jira.issue.fields.CustomField;
import com.atlassian.jira.issue.issuetype.IssueType;
import com.atlassian.jira.project.Project;
import dev.failforward.core.record.RecordKind;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * An experiment or incident issue of the preview's "Jira": what Jira's {@code MutableIssue} is to the plugin's
 * workflow modules. Custom field values are held as Jira holds them (String, Double, Timestamp, Option).
 */
public final class PreviewIssue implements MutableIssue {

    record Type(String getId, String getName) implements IssueType {
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
    private String status;
    private final Instant created;
    private final Map<String, Object> values = new HashMap<>();

    PreviewIssue(long id, String key, RecordKind kind, String summary, String status, Instant created) {
        this.id = id;
        this.key = key;
        this.kind = kind;
        this.summary = summary;
        this.status = status;
        this.created = created;
    }

    /** A copy whose field values can change without touching this one (a transition works on a copy). */
    PreviewIssue copy() {
        PreviewIssue copy = new PreviewIssue(id, key, kind, summary, status, created);
        copy.values.putAll(values);
        return copy;
    }

    @Override
    public Long getId() {
        return id;
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
        return new Type(kind.name(), kind == RecordKind.EXPERIMENT ? "Experiment" : "Incident");
    }

    @Override
    public Project getProjectObject() {
        return new PreviewProject((long) projectKey().hashCode(), projectKey(), projectKey());
    }

    @Override
    public Timestamp getCreated() {
        return Timestamp.from(created);
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
