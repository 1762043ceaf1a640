package dev.failforward.preview.jira;

import net.java.ao.Entity;
import net.java.ao.schema.Indexed;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;
import net.java.ao.schema.Unique;

import java.util.Date;

/**
 * The preview's stand-in for Jira's plain issues of type Task: the follow-up issues created for action items
 * ({@link PreviewTasks}). In Jira these are ordinary issues; the plugin only stores their id and key on the item.
 */
@Table("PREVIEW_TASK")
public interface PreviewTaskEntity extends Entity {

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
    String getSummary();

    void setSummary(String summary);

    String getAssigneeKey();

    void setAssigneeKey(String assigneeKey);

    @StringLength(10)
    String getDueDate();

    void setDueDate(String isoDate);

    /** The resolution's name ("Done"), or null while unresolved. */
    @StringLength(40)
    String getResolution();

    void setResolution(String resolution);

    /** The key of the issue this one "is a follow-up of" (the link), or null. */
    String getFollowUpOf();

    void setFollowUpOf(String issueKey);

    @NotNull
    Date getCreatedAt();

    void setCreatedAt(Date createdAt);
}
