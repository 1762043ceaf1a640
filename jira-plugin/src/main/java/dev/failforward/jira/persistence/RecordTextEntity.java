package dev.failforward.jira.persistence;

import net.java.ao.Entity;
import net.java.ao.Preload;
import net.java.ao.schema.Indexed;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;
import net.java.ao.schema.Unique;

/**
 * AO row of the issue text that only the search index needs ({@code AO_xxxxxx_RECORD_TEXT}, model version 7): an
 * experiment's or incident's description and its "Contributing factors" field, one row per record, written by the
 * projection ({@link AoRecordTextStore}).
 *
 * <p>Why a side table rather than two columns on {@code FAILURE_RECORD}: the record row is read by every KPI, search
 * and archive query (and {@code @Preload}ed whole); two unlimited columns there would be carried by each of those reads
 * (a {@code TEXT}/{@code CLOB} per row, out of line on PostgreSQL and Oracle) although only the index rebuild and the
 * change tail read them. The core {@code FailureRecord} value also stays as it is. The row goes with its record
 * ({@link AoFailureRecordRepository#deleteByIssueId}).
 */
@Preload
@Table("RECORD_TEXT")
public interface RecordTextEntity extends Entity {

    String RECORD_ISSUE_ID = "RECORD_ISSUE_ID";
    String DESCRIPTION = "DESCRIPTION";
    String CONTRIBUTING_FACTORS = "CONTRIBUTING_FACTORS";

    @NotNull
    @Unique
    @Indexed
    long getRecordIssueId();

    void setRecordIssueId(long issueId);

    @StringLength(StringLength.UNLIMITED)
    String getDescription();

    void setDescription(String description);

    @StringLength(StringLength.UNLIMITED)
    String getContributingFactors();

    void setContributingFactors(String factors);
}
