package dev.failforward.jira.persistence;

import net.java.ao.Entity;
import net.java.ao.Preload;
import net.java.ao.schema.Indexed;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;

import java.util.Date;

/** AO row of a learning ({@code AO_xxxxxx_LEARNING}), attached to a failure record by the record's issue id. */
@Preload
@Table("LEARNING")
public interface LearningEntity extends Entity {

    String RECORD_ISSUE_ID = "RECORD_ISSUE_ID";
    String BODY = "BODY";
    String KIND = "KIND";
    String AUTHOR_KEY = "AUTHOR_KEY";
    String CREATED_AT = "CREATED_AT";
    String SOURCE_URL = "SOURCE_URL";
    String SOURCE_TITLE = "SOURCE_TITLE";

    @NotNull
    @Indexed
    long getRecordIssueId();

    void setRecordIssueId(long issueId);

    /** The learning's text ({@code TEXT} is a type name in several databases). */
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

    /**
     * The page the learning was captured on (a Confluence retro), or {@code null}: an absolute http(s) URL. Added in
     * 1.1; Active Objects adds nullable columns to an existing table by itself, no upgrade task needed.
     */
    @StringLength(StringLength.MAX_LENGTH)
    String getSourceUrl();

    void setSourceUrl(String url);

    /** That page's title, or {@code null}. */
    String getSourceTitle();

    void setSourceTitle(String title);
}
