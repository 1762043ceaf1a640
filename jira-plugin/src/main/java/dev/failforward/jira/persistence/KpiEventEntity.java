package dev.failforward.jira.persistence;

import net.java.ao.Entity;
import net.java.ao.Preload;
import net.java.ao.schema.Index;
import net.java.ao.schema.Indexed;
import net.java.ao.schema.Indexes;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;

import java.util.Date;

/**
 * AO row of one KPI event ({@code AO_xxxxxx_KPI_EVENT}): what one failure record contributes to one KPI metric
 * ({@link dev.failforward.core.kpi.KpiEvent}). Kept per record so a change replaces exactly that record's events, and
 * read for the 24-hour rule's undecided incidents of the last day; the KPIs themselves read {@link KpiRollupEntity}.
 * {@code ACTION_ID} names the action item an event comes from ({@code null}: the record's own events), so a changed
 * item replaces only its own events. Column names avoid
 * SQL words ({@code VALUE}, {@code AT}). {@code DIM} is {@code null} for "no dimension" (Oracle stores "" as null).
 */
@Preload
@Table("KPI_EVENT")
@Indexes({@Index(name = "kpi_event_metric_at", methodNames = {"getMetric", "getEventAt"}),
        @Index(name = "kpi_event_source", methodNames = {"getRecordIssueId", "getActionId"})})
public interface KpiEventEntity extends Entity {

    String RECORD_ISSUE_ID = "RECORD_ISSUE_ID";
    String PROJECT_KEY = "PROJECT_KEY";
    String METRIC = "METRIC";
    String DIM = "DIM";
    String EVENT_AT = "EVENT_AT";
    String AMOUNT = "AMOUNT";
    String ACTION_ID = "ACTION_ID";

    @NotNull
    @Indexed
    long getRecordIssueId();

    void setRecordIssueId(long issueId);

    /** The action item the event comes from; {@code null} for the record's own events. */
    Integer getActionId();

    void setActionId(Integer actionId);

    @NotNull
    String getProjectKey();

    void setProjectKey(String projectKey);

    @NotNull
    @StringLength(20)
    String getMetric();

    void setMetric(String metric);

    @StringLength(40)
    String getDim();

    void setDim(String dim);

    @NotNull
    Date getEventAt();

    void setEventAt(Date at);

    @NotNull
    long getAmount();

    void setAmount(long amount);
}
