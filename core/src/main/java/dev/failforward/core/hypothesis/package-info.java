/**
 * The hypothesis linter: checks that an experiment starts from a testable hypothesis ("If X, then Y").
 *
 * <p>{@link dev.failforward.core.hypothesis.HypothesisLinter#check(String)} splits the text into condition, expected
 * outcome and rationale, detects how the outcome would be measured and reports {@link
 * dev.failforward.core.hypothesis.Finding findings} with stable codes. It is a heuristic for English prose, not a
 * grammar: it is tuned to catch the common ways a hypothesis cannot fail (no outcome, nothing to measure, weasel
 * words) without nagging about well-written ones.
 *
 * <p>Only {@code HypothesisLinter}, the result types and the enums are public; the tokenizer, parser and word lists
 * are package-private so they can change without breaking callers.
 */
package dev.failforward.core.hypothesis;
