/**
 * The blameless-language check: finds phrases in post-mortems and retros that blame people ("Anna skipped the
 * checklist", "human error", "should have seen the alert") and says what to write instead.
 *
 * <p>{@link dev.failforward.core.blameless.BlamelessChecker#check(String)} returns {@link
 * dev.failforward.core.blameless.BlameFinding findings} with stable {@link dev.failforward.core.blameless.BlameCode
 * codes}, character offsets for highlighting, and i18n keys for the message and the suggestion. Like the hypothesis
 * linter it is a heuristic for English prose over tokens, not regular expressions over the whole text.
 *
 * <p>Only the checker, the result types and the code enum are public; the tokenizer and word lists are
 * package-private so they can change without breaking callers.
 */
package dev.failforward.core.blameless;
