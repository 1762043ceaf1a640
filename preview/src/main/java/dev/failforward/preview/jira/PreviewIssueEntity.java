package dev.failforward.preview.jira;

import net.java.ao.Entity;
import net.java.ao.schema.Indexed;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;
import net.java.ao.schema.Unique;

import java.util.Date;

/**
 * The preview's stand-in for Jira's issue table: experiments and incidents created in the preview's forms. (In Jira
 * these are real issues; the plugin only keeps its projection, {@code FAILURE_RECORD}.)
 */
@Table("PREVIEW_ISSUE")
public interface PreviewIssueEntity extends Entity {

    @NotNull
    @Unique
    @Indexed
    String getIssueKey();

    void setIssueKey(String issueKey);

    @NotNull
    @Indexed
    String getProjectKey();

    void setProjectKey(String projectKey);

    @NotNull
    @StringLength(20)
    String getKind();

    void setKind(String kind);

    @NotNull
    String getSummary();

    void setSummary(String summary);

    @NotNull
    @StringLength(40)
    String getStatus();

    void setStatus(String status);

    /** Field values by stable key, as JSON. */
    @StringLength(StringLength.UNLIMITED)
    String getFieldsJson();

    void setFieldsJson(String fieldsJson);

    @NotNull
    Date getCreatedAt();

    void setCreatedAt(Date createdAt);

    @NotNull
    Date getUpdatedAt();

    void setUpdatedAt(Date updatedAt);
}
