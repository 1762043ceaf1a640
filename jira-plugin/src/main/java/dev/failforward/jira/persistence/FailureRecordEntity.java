package dev.failforward.jira.persistence;

import net.java.ao.Entity;
import net.java.ao.Preload;
import net.java.ao.schema.Default;
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
 *
 * <p>Model version 2 ({@link FailureDbUpgradeTask002} holds the frozen copy and fills the new columns of rows written
 * by version 1). Enums are stored by name; {@code LABELS} and {@code RECURRENCE_OF} hold one entry a line (nothing
 * filters by them yet); {@code SEARCH_TEXT} is the lower-cased text the free-text search matches
 * ({@link AoFailureRecordRepository#searchText}). Every column a query filters or sorts by is indexed.
 */
@Preload
@Table("FAILURE_RECORD")
public interface FailureRecordEntity extends Entity {

    String ISSUE_ID = "ISSUE_ID";
    String ISSUE_KEY = "ISSUE_KEY";
    String ISSUE_NUM = "ISSUE_NUM";
    String PROJECT_KEY = "PROJECT_KEY";
    String KIND = "KIND";
    String SUMMARY = "SUMMARY";
    String STATUS = "STATUS";
    String PHASE = "PHASE";
    String HYPOTHESIS = "HYPOTHESIS";
    String HYP_CONDITION = "HYP_CONDITION";
    String HYP_OUTCOME = "HYP_OUTCOME";
    String HYP_RATIONALE = "HYP_RATIONALE";
    String SUCCESS_CRITERIA = "SUCCESS_CRITERIA";
    String STOP_CRITERIA = "STOP_CRITERIA";
    String OUTCOME = "OUTCOME";
    String DECISION = "DECISION";
    String FAILURE_TYPE = "FAILURE_TYPE";
    String FAILURE_CATEGORY = "FAILURE_CATEGORY";
    String FAILURE_MODE = "FAILURE_MODE";
    String DISCOVERED_AT = "DISCOVERED_AT";
    String REPORTED_AT = "REPORTED_AT";
    String RESOLVED_AT = "RESOLVED_AT";
    String DECIDED_AT = "DECIDED_AT";
    String STARTED_AT = "STARTED_AT";
    String TEAM = "TEAM";
    String COMPONENT = "COMPONENT";
    String LABELS = "LABELS";
    String PIVOTED_FROM = "PIVOTED_FROM";
    String RECURRENCE_OF = "RECURRENCE_OF";
    String SEARCH_TEXT = "SEARCH_TEXT";
    String CREATED_AT = "CREATED_AT";
    String UPDATED_AT = "UPDATED_AT";
    String VERSION = "VERSION";

    // ----- model version 1 -----

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
    @Indexed
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
    @Indexed
    Date getUpdatedAt();

    void setUpdatedAt(Date updatedAt);

    // ----- model version 2 -----

    /** The number of the issue key, for sorting keys numerically; filled from ISSUE_KEY for version-1 rows. */
    @NotNull
    @Default("0")
    @Indexed
    long getIssueNum();

    void setIssueNum(long issueNum);

    @Indexed
    @StringLength(20)
    String getPhase();

    void setPhase(String phase);

    @StringLength(StringLength.UNLIMITED)
    String getHypCondition();

    void setHypCondition(String condition);

    @StringLength(StringLength.UNLIMITED)
    String getHypOutcome();

    void setHypOutcome(String outcome);

    @StringLength(StringLength.UNLIMITED)
    String getHypRationale();

    void setHypRationale(String rationale);

    @StringLength(StringLength.UNLIMITED)
    String getSuccessCriteria();

    void setSuccessCriteria(String criteria);

    @StringLength(StringLength.UNLIMITED)
    String getStopCriteria();

    void setStopCriteria(String criteria);

    @StringLength(20)
    String getOutcome();

    void setOutcome(String outcome);

    @StringLength(20)
    String getDecision();

    void setDecision(String decision);

    @Indexed
    @StringLength(20)
    String getFailureType();

    void setFailureType(String type);

    @Indexed
    @StringLength(30)
    String getFailureCategory();

    void setFailureCategory(String category);

    @StringLength(20)
    String getFailureMode();

    void setFailureMode(String mode);

    Date getDiscoveredAt();

    void setDiscoveredAt(Date at);

    Date getReportedAt();

    void setReportedAt(Date at);

    Date getResolvedAt();

    void setResolvedAt(Date at);

    Date getDecidedAt();

    void setDecidedAt(Date at);

    Date getStartedAt();

    void setStartedAt(Date at);

    String getTeam();

    void setTeam(String team);

    String getComponent();

    void setComponent(String component);

    @StringLength(StringLength.UNLIMITED)
    String getLabels();

    void setLabels(String labels);

    /** Indexed so that "what pivoted from X" can be answered without a scan. */
    @Indexed
    String getPivotedFrom();

    void setPivotedFrom(String issueKey);

    @StringLength(StringLength.UNLIMITED)
    String getRecurrenceOf();

    void setRecurrenceOf(String issueKeys);

    @StringLength(StringLength.UNLIMITED)
    String getSearchText();

    void setSearchText(String text);

    @NotNull
    @Default("0")
    long getVersion();

    void setVersion(long version);
}
