package dev.failforward.jira.persistence;

import net.java.ao.Entity;
import net.java.ao.Preload;
import net.java.ao.schema.Indexed;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;
import net.java.ao.schema.Unique;

import java.util.Date;

/**
 * AO row of the failure database: one per experiment or incident issue. Table {@code AO_xxxxxx_FAILURE_RECORD}
 * (entity part ≤ 20 characters, columns ≤ 30, no reserved words: reference/atlassian-api.md §2.1).
 * Stays inside this package: {@link AoFailureRecordRepository} maps it to the core value.
 */
@Preload
@Table("FAILURE_RECORD")
public interface FailureRecordEntity extends Entity {

    String ISSUE_ID = "ISSUE_ID";
    String ISSUE_KEY = "ISSUE_KEY";
    String PROJECT_KEY = "PROJECT_KEY";
    String KIND = "KIND";
    String SUMMARY = "SUMMARY";
    String STATUS = "STATUS";
    String HYPOTHESIS = "HYPOTHESIS";
    String CREATED_AT = "CREATED_AT";
    String UPDATED_AT = "UPDATED_AT";

    @NotNull
    @Unique
    @Indexed
    long getIssueId();

    void setIssueId(long issueId);

    @NotNull
    @Indexed
    String getIssueKey();

    void setIssueKey(String issueKey);

    @NotNull
    @Indexed
    String getProjectKey();

    void setProjectKey(String projectKey);

    @NotNull
    @Indexed
    @StringLength(20)
    String getKind();

    void setKind(String kind);

    @NotNull
    String getSummary();

    void setSummary(String summary);

    @NotNull
    @StringLength(60)
    String getStatus();

    void setStatus(String status);

    @StringLength(StringLength.UNLIMITED)
    String getHypothesis();

    void setHypothesis(String hypothesis);

    @NotNull
    @Indexed
    Date getCreatedAt();

    void setCreatedAt(Date createdAt);

    @NotNull
    Date getUpdatedAt();

    void setUpdatedAt(Date updatedAt);
}
