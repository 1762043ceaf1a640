package dev.failforward.confluence.jira;

/** One step of a record's 5 whys: its position (1-based), the question and the answer. */
public record WhyView(int position, String question, String answer) {
}
