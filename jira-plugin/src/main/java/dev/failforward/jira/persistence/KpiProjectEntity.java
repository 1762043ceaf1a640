package dev.failforward.jira.persistence;

import net.java.ao.Entity;
import net.java.ao.Preload;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;
import net.java.ao.schema.Unique;

/**
 * AO row per project that has KPI events ({@code AO_xxxxxx_KPI_PROJECT}), with how many it has. The KPI store reads the
 * cross-project roll-ups ({@link KpiRollupEntity#ALL_PROJECTS}) only for a user who may browse every project listed
 * here with events above zero: then the sum over all projects is exactly the sum over theirs, and an organisation-wide
 * view reads two rows per month instead of two per project and month. Written only by the KPI applier.
 */
@Preload
@Table("KPI_PROJECT")
public interface KpiProjectEntity extends Entity {

    String PROJECT_KEY = "PROJECT_KEY";
    String EVENTS = "EVENTS";

    @NotNull
    @Unique
    @StringLength(255)
    String getProjectKey();

    void setProjectKey(String projectKey);

    @NotNull
    long getEvents();

    void setEvents(long events);
}
