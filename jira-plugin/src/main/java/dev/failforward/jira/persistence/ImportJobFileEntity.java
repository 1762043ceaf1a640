package dev.failforward.jira.persistence;

import net.java.ao.Entity;
import net.java.ao.Preload;
import net.java.ao.schema.Indexed;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;

/**
 * AO row of one file of a background import ({@code AO_xxxxxx_IMPORT_JOB_FILE}, model version 9): file {@code SEQ} of
 * job {@code JOB_KEY}, its name and content (Base64), and once imported its per-file results as JSON
 * ({@code RESULT_JSON}, null while the file waits). A file whose results are stored is never imported again by the job.
 */
@Preload
@Table("IMPORT_JOB_FILE")
public interface ImportJobFileEntity extends Entity {

    String JOB_KEY = "JOB_KEY";
    String SEQ = "SEQ";
    String RESULT_JSON = "RESULT_JSON";

    @NotNull
    @Indexed
    @StringLength(64)
    String getJobKey();

    void setJobKey(String jobKey);

    @NotNull
    int getSeq();

    void setSeq(int seq);

    @NotNull
    @StringLength(StringLength.UNLIMITED)
    String getName();

    void setName(String name);

    @NotNull
    @StringLength(StringLength.UNLIMITED)
    String getContent();

    void setContent(String base64);

    @StringLength(StringLength.UNLIMITED)
    String getResultJson();

    void setResultJson(String json);
}
