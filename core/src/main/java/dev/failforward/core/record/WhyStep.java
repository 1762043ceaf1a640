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

    /**
     * The steps of a "5 whys" chain written as lines (see {@code dev.failforward.core.incident.WhyChain}): each line
     * is split after its first question mark into question and answer ("Why did the backup not run? The job was
     * disabled."); a line without one answers an implicit "Why?". At most {@link #MAX_STEPS} steps, each part cut to
     * {@link #TEXT_MAX_LENGTH}; blank lines are skipped.
     */
    public static java.util.List<WhyStep> fromChain(long recordIssueId, java.util.List<String> whys) {
        java.util.List<WhyStep> steps = new java.util.ArrayList<>();
        for (String why : whys) {
            if (why == null || why.isBlank() || steps.size() == MAX_STEPS) {
                continue;
            }
            String line = why.strip();
            int mark = line.indexOf('?');
            String question = mark < 0 ? "Why?" : line.substring(0, mark + 1).strip();
            String answer = mark < 0 ? line : line.substring(mark + 1).strip();
            if (answer.isEmpty() || question.equals("?")) {
                question = "Why?";
                answer = line;
            }
            steps.add(new WhyStep(recordIssueId, steps.size() + 1, cut(question), cut(answer)));
        }
        return java.util.List.copyOf(steps);
    }

    private static String cut(String text) {
        return text.length() > TEXT_MAX_LENGTH ? text.substring(0, TEXT_MAX_LENGTH) : text;
    }
}
