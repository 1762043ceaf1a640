package dev.failforward.jira.persistence;

import net.java.ao.RawEntity;
import net.java.ao.Preload;
import net.java.ao.schema.Indexed;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.PrimaryKey;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;

/**
 * AO row that says "someone answered for this project and period" ({@code AO_xxxxxx_PULSE_GUARD}): only a keyed hash
 * of (user, project, period) as primary key, and the period (so old guards can be purged). A second answer finds its
 * hash and is refused; the primary key refuses it too when two nodes race. Nothing in it names the score, and nothing
 * in {@link PulseCountEntity} names a guard.
 */
@Preload
@Table("PULSE_GUARD")
public interface PulseGuardEntity extends RawEntity<String> {

    String GUARD_HASH = "GUARD_HASH";
    String PERIOD_START = "PERIOD_START";

    @PrimaryKey(GUARD_HASH)
    @NotNull
    @StringLength(64)
    String getGuardHash();

    @NotNull
    @Indexed
    @StringLength(10)
    String getPeriodStart();

    void setPeriodStart(String isoDate);
}
