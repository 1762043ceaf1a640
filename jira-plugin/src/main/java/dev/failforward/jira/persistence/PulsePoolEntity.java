package dev.failforward.jira.persistence;

import net.java.ao.Entity;
import net.java.ao.Preload;
import net.java.ao.schema.Index;
import net.java.ao.schema.Indexed;
import net.java.ao.schema.Indexes;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;

/**
 * AO row of one pulse answer waiting to be counted ({@code AO_xxxxxx_PULSE_POOL}): its project and period, and its
 * score <em>sealed</em> — encrypted and authenticated ({@link dev.failforward.core.privacy.SealedBox}) under the
 * period's pool key, which lives only in the {@link dev.failforward.jira.secrets.SecretStore}, never in the database.
 * Every sealed value has the same length and two answers with the same score seal differently, so the row, and the
 * database's log of its insert, show nothing of the score to whoever lacks the key. No column names a person.
 * {@link AoPulseStore} folds these rows into {@link PulseCountEntity} only in groups of at least k answers.
 */
@Preload
@Table("PULSE_POOL")
@Indexes(@Index(name = "pulse_pool_period", methodNames = {"getProjectKey", "getPeriodStart"}))
public interface PulsePoolEntity extends Entity {

    String PROJECT_KEY = "PROJECT_KEY";
    String PERIOD_START = "PERIOD_START";
    String PERIOD_END = "PERIOD_END";
    String SEALED = "SEALED";

    @NotNull
    String getProjectKey();

    void setProjectKey(String projectKey);

    /** First day of the pulse period, ISO {@code yyyy-mm-dd}. */
    @NotNull
    @StringLength(10)
    String getPeriodStart();

    void setPeriodStart(String isoDate);

    /** First day after the pulse period (exclusive end), ISO {@code yyyy-mm-dd}: when the period closes. */
    @NotNull
    @Indexed
    @StringLength(10)
    String getPeriodEnd();

    void setPeriodEnd(String isoDate);

    /** Base64url (no padding) of the sealed score: always {@value AoPulseStore#SEALED_CHARS} characters. */
    @NotNull
    @StringLength(100)
    String getSealed();

    void setSealed(String sealed);
}
