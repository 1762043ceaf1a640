package dev.failforward.jira.persistence;

import com.atlassian.activeobjects.external.ActiveObjects;
import com.atlassian.activeobjects.external.ActiveObjectsUpgradeTask;
import com.atlassian.activeobjects.external.ModelVersion;
import net.java.ao.Entity;
import net.java.ao.Preload;
import net.java.ao.Query;
import net.java.ao.schema.Default;
import net.java.ao.schema.Indexed;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;
import net.java.ao.schema.Unique;

import java.util.Date;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Failure database, model version 2: the failure record grows from the 9 columns of version 1 (issue id and key,
 * project, kind, summary, status, hypothesis, created, updated) to everything the KPIs and the archive need, and the
 * tables {@code LEARNING}, {@code ACTION_ITEM} and {@code WHY_STEP} appear.
 *
 * <p>Declared in the descriptor's {@code <ao>} module; Active Objects runs it once on a database older than version 2
 * (also on an empty one, where it only creates the tables). It migrates the <b>frozen</b> copies below, never the
 * live entities, so that a later change to an entity cannot change what this step did. New NOT NULL columns have
 * defaults ({@code ISSUE_NUM}, {@code VERSION} = 0); the task then fills, for every version-1 row, the issue number
 * (from the key, for sorting by key) and the free-text column, in batches by id.
 *
 * <p>Do not edit the nested interfaces: the next schema change is a new task {@code FailureDbUpgradeTask004} with its
 * own copies.
 */
public final class FailureDbUpgradeTask002 implements ActiveObjectsUpgradeTask {

    static final String MODEL_VERSION = "2";
    private static final int BATCH = 500;
    private static final Pattern ISSUE_NUMBER = Pattern.compile(".+-([1-9][0-9]{0,17})");

    @Override
    public ModelVersion getModelVersion() {
        return ModelVersion.valueOf(MODEL_VERSION);
    }

    @Override
    public void upgrade(ModelVersion currentVersion, ActiveObjects ao) {
        ao.migrate(FailureRecordV2.class, LearningV2.class, ActionItemV2.class, WhyStepV2.class);
        int lastId = 0;
        while (true) {
            int after = lastId;
            // keyset batches (ID > ? … ORDER BY ID LIMIT 500): numbers only; LIMIT per database as AO renders it
            FailureRecordV2[] rows = ao.find(FailureRecordV2.class, Query.select()
                    .where("ID > ? AND ISSUE_NUM = ?", after, 0L).order("ID ASC").limit(BATCH));
            if (rows.length == 0) {
                return;
            }
            ao.executeInTransaction(() -> {
                for (FailureRecordV2 row : rows) {
                    fill(row);
                }
                return null;
            });
            lastId = rows[rows.length - 1].getID();
        }
    }

    private static void fill(FailureRecordV2 row) {
        Matcher number = ISSUE_NUMBER.matcher(row.getIssueKey());
        // a key that is not KEY-n (never written by version 1) keeps 0 and sorts first within its project
        row.setIssueNum(number.matches() ? Long.parseLong(number.group(1)) : 0L);
        StringBuilder text = new StringBuilder(row.getIssueKey()).append('\n').append(row.getSummary());
        if (row.getHypothesis() != null) {
            text.append('\n').append(row.getHypothesis());
        }
        row.setSearchText(text.toString().toLowerCase(Locale.ROOT));
        row.setVersion(0L);
        row.save();
    }

    @Preload
    @Table("FAILURE_RECORD")
    interface FailureRecordV2 extends Entity {
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

    @Preload
    @Table("LEARNING")
    interface LearningV2 extends Entity {
        @NotNull
        @Indexed
        long getRecordIssueId();

        void setRecordIssueId(long issueId);

        @NotNull
        @StringLength(StringLength.UNLIMITED)
        String getBody();

        void setBody(String body);

        @NotNull
        @Indexed
        @StringLength(20)
        String getKind();

        void setKind(String kind);

        @NotNull
        String getAuthorKey();

        void setAuthorKey(String userKey);

        @NotNull
        @Indexed
        Date getCreatedAt();

        void setCreatedAt(Date createdAt);
    }

    @Preload
    @Table("ACTION_ITEM")
    interface ActionItemV2 extends Entity {
        @NotNull
        @Indexed
        long getRecordIssueId();

        void setRecordIssueId(long issueId);

        @NotNull
        @StringLength(StringLength.UNLIMITED)
        String getDescription();

        void setDescription(String description);

        @NotNull
        @Indexed
        String getOwnerKey();

        void setOwnerKey(String userKey);

        @NotNull
        @Indexed
        @StringLength(10)
        String getDueDate();

        void setDueDate(String isoDate);

        @NotNull
        @StringLength(20)
        String getItemType();

        void setItemType(String type);

        @NotNull
        @Indexed
        @StringLength(20)
        String getStatus();

        void setStatus(String status);

        @Indexed
        @StringLength(10)
        String getCheckInDate();

        void setCheckInDate(String isoDate);

        @StringLength(20)
        String getCheckInResult();

        void setCheckInResult(String result);

        @StringLength(StringLength.UNLIMITED)
        String getCheckInNote();

        void setCheckInNote(String note);

        @NotNull
        Date getCreatedAt();

        void setCreatedAt(Date createdAt);

        @NotNull
        Date getUpdatedAt();

        void setUpdatedAt(Date updatedAt);

        @NotNull
        @Default("0")
        long getVersion();

        void setVersion(long version);
    }

    @Preload
    @Table("WHY_STEP")
    interface WhyStepV2 extends Entity {
        @NotNull
        @Indexed
        long getRecordIssueId();

        void setRecordIssueId(long issueId);

        @NotNull
        @Indexed
        int getStepNo();

        void setStepNo(int position);

        @NotNull
        @StringLength(StringLength.UNLIMITED)
        String getQuestion();

        void setQuestion(String question);

        @NotNull
        @StringLength(StringLength.UNLIMITED)
        String getAnswer();

        void setAnswer(String answer);
    }
}
