package dev.failforward.jira.persistence;

import com.atlassian.activeobjects.external.ActiveObjects;
import com.atlassian.activeobjects.external.ActiveObjectsUpgradeTask;
import com.atlassian.activeobjects.external.ModelVersion;
import net.java.ao.Entity;
import net.java.ao.Preload;
import net.java.ao.Query;
import net.java.ao.schema.Indexed;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;

import java.util.Date;

/**
 * Failure database, model version 3: learnings get {@code SEARCH_TEXT}, their body lower-cased, which the archive's
 * free text matches instead of {@code LOWER(BODY)} (why: {@link LearningEntity#getSearchText}). The task adds the
 * column and fills it for every learning that has none, in batches by id; learnings written later get it from
 * {@link AoLearningRepository}.
 *
 * <p>As {@link FailureDbUpgradeTask002}: it migrates a <b>frozen</b> copy of the table as of version 3 (the columns
 * {@code SOURCE_URL} and {@code SOURCE_TITLE}, added in 1.1 without a task, included). Do not edit it; the next schema
 * change is a new task.
 *
 * <p>Queries: {@code SELECT … FROM LEARNING WHERE ID > ? AND SEARCH_TEXT IS NULL ORDER BY ID LIMIT 500}, then one
 * UPDATE per row in one transaction per batch. AO quotes {@code ID} and {@code SEARCH_TEXT} (each followed by an
 * operator), as PostgreSQL needs; AO renders the limit per database ({@code LIMIT} on PostgreSQL, MySQL and HSQLDB,
 * {@code TOP} on SQL Server, {@code ROWNUM} on Oracle).
 */
public final class FailureDbUpgradeTask003 implements ActiveObjectsUpgradeTask {

    static final String MODEL_VERSION = "3";
    private static final int BATCH = 500;

    @Override
    public ModelVersion getModelVersion() {
        return ModelVersion.valueOf(MODEL_VERSION);
    }

    @Override
    public void upgrade(ModelVersion currentVersion, ActiveObjects ao) {
        ao.migrate(LearningV3.class);
        int lastId = 0;
        while (true) {
            int after = lastId;
            LearningV3[] rows = ao.find(LearningV3.class, Query.select()
                    .where("ID > ? AND SEARCH_TEXT IS NULL", after).order("ID ASC").limit(BATCH));
            if (rows.length == 0) {
                return;
            }
            ao.executeInTransaction(() -> {
                for (LearningV3 row : rows) {
                    row.setSearchText(AoLearningRepository.searchText(row.getBody()));
                    row.save();
                }
                return null;
            });
            lastId = rows[rows.length - 1].getID();
        }
    }

    @Preload
    @Table("LEARNING")
    interface LearningV3 extends Entity {
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

        @StringLength(StringLength.MAX_LENGTH)
        String getSourceUrl();

        void setSourceUrl(String url);

        String getSourceTitle();

        void setSourceTitle(String title);

        @StringLength(StringLength.UNLIMITED)
        String getSearchText();

        void setSearchText(String text);
    }
}
