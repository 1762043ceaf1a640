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
    String SEARCH_TEXT = "SEARCH_TEXT";

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

    /**
     * {@code BODY} lower-cased in Java ({@code Locale.ROOT}, {@link AoLearningRepository#searchText}): what the
     * archive's free text matches with {@code LIKE}, as the record's own {@code SEARCH_TEXT} does (model version 3;
     * {@link FailureDbUpgradeTask003} fills it for older rows). Why a column and not {@code LOWER(BODY)}: AO quotes
     * column names on PostgreSQL, but its WHERE-clause rewriting quotes only a name that an operator follows, so
     * {@code LOWER(BODY)} reached PostgreSQL unquoted and failed ("column l.body does not exist", found by the
     * PostgreSQL run of the tests); a quote written by hand is wrong on MySQL (backticks unless {@code ANSI_QUOTES},
     * and {@code "BODY"} there is a string literal: no error, wrong rows); and a function over the column lower-cases
     * differently per database and collation (on PostgreSQL's C locale only ASCII) and can use no index. Unlimited
     * strings are {@code TEXT} on PostgreSQL, {@code CLOB} on Oracle, {@code LONGTEXT} on MySQL and
     * {@code NVARCHAR(max)} on SQL Server in AO 3.2.11: {@code LIKE} works on all four ({@code LOWER()} would be
     * rejected on SQL Server's legacy {@code NTEXT}).
     */
    @StringLength(StringLength.UNLIMITED)
    String getSearchText();

    void setSearchText(String text);
}
