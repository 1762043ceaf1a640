package dev.failforward.jira.persistence;

import net.java.ao.Entity;
import net.java.ao.Preload;
import net.java.ao.schema.Indexed;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;

/**
 * AO row of one "why" of an incident's 5 whys ({@code AO_xxxxxx_WHY_STEP}). The position column is {@code STEP_NO}:
 * {@code POSITION} is an SQL function name.
 */
@Preload
@Table("WHY_STEP")
public interface WhyStepEntity extends Entity {

    String RECORD_ISSUE_ID = "RECORD_ISSUE_ID";
    String STEP_NO = "STEP_NO";
    String QUESTION = "QUESTION";
    String ANSWER = "ANSWER";

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
