package dev.failforward.core.record;

/**
 * One step of an incident's "5 whys": at {@code position} (1 = the first why) the question asked and its answer.
 */
public record WhyStep(long recordIssueId, int position, String question, String answer) {

    public static final int TEXT_MAX_LENGTH = 2000;
    /** More than this is a sign the chain lost its thread. */
    public static final int MAX_STEPS = 20;

    public WhyStep {
        Checks.positive(recordIssueId, "recordIssueId");
        if (position < 1 || position > MAX_STEPS) {
            throw new IllegalArgumentException("position must be between 1 and " + MAX_STEPS + ": " + position);
        }
        Checks.text(question, TEXT_MAX_LENGTH, "question");
        Checks.text(answer, TEXT_MAX_LENGTH, "answer");
    }
}
