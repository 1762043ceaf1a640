package dev.failforward.core.blameless;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** What each rule finds, where, and what it leaves alone. */
class BlamelessCheckerTest {

    private final BlamelessChecker checker = BlamelessChecker.defaults();

    /** The findings as "CODE:phrase", the phrase cut from the text by the finding's own offsets. */
    private List<String> found(String text) {
        BlamelessCheck check = checker.check(text);
        return check.findings().stream()
                .map(f -> f.code() + ":" + text.substring(f.start(), f.end()))
                .toList();
    }

    // ---------------------------------------------------------------- positions

    @Test
    void offsetsHighlightTheNameAndVerb() {
        String text = "At 14:02 the deploy started. Anna skipped the checklist step.";

        BlameFinding finding = checker.check(text).findings().get(0);

        assertThat(finding.start()).isEqualTo(text.indexOf("Anna"));
        assertThat(finding.end()).isEqualTo(text.indexOf(" the checklist"));
        assertThat(finding.phrase()).isEqualTo("Anna skipped");
        assertThat(finding.code()).isEqualTo(BlameCode.PERSON_AS_CAUSE);
        assertThat(finding.messageKey()).isEqualTo("failforward.blameless.person_as_cause.message");
        assertThat(finding.suggestionKey()).isEqualTo("failforward.blameless.person_as_cause.suggestion");
    }

    @Test
    void offsetsKeepTheOriginalCaseAndApostrophes() {
        String text = "It was Priya\u2019s FAULT, and a Human  Error.";

        assertThat(found(text)).containsExactly("FAULT:Priya\u2019s FAULT", "HUMAN_ERROR:Human  Error");
    }

    @Test
    void offsetsSpanMultiWordPhrasesAndTitles() {
        assertThat(found("During triage Dr. Okafor overlooked the note.")).containsExactly(
                "PERSON_AS_CAUSE:Dr. Okafor overlooked");
        assertThat(found("The change was made when Anna Schmidt failed to check the flag.")).containsExactly(
                "PERSON_AS_CAUSE:Anna Schmidt failed to");
        assertThat(found("The on-call engineer should not have restarted the primary.")).containsExactly(
                "HINDSIGHT:should not have");
    }

    // ---------------------------------------------------------------- names and pronouns as subjects

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Tom deleted the production table.                       | Tom deleted
            The checkout broke because Anna forgot the flag.        | Anna forgot
            He ignored the warning and pushed anyway.               | He ignored
            After the page, she missed the second alert.            | she missed
            Honestly, Raj just didn't read the runbook.             | Raj just didn't
            Carlos broke the build.                                 | Carlos broke
            Mei accidentally misconfigured the firewall.            | Mei accidentally misconfigured
            Kevin messed up the migration script.                   | Kevin messed up
            She didn't bother to check the dashboard.               | She didn't bother
            The checks passed; Olu caused the double charge later.  | Olu caused
            """)
    void flagsANameOrPronounAsTheSubjectOfAFailure(String text, String phrase) {
        BlamelessCheck check = checker.check(text);

        assertThat(check.findings()).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo(BlameCode.PERSON_AS_CAUSE);
            assertThat(f.phrase()).isEqualTo(phrase);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "The deploy failed because the config was wrong.",
            "Monitoring missed the spike because the dashboard sampled every five minutes.",
            "Replication broke when the primary ran out of disk.",
            "Alerts ignored the maintenance window.",
            "Jenkins skipped the integration tests.",
            "Kubernetes deleted the pods during the drain.",
            "The Ledger broke for Safari users.",
            "Friday's deploy broke checkout.",
            "Anna paged the database team at 02:10.",
            "Migration Failed To Complete On Primary",
            "Anna did not cause the outage.",
            "Anna didn't have access to the console.",
            "The CI job skipped the lint step.",
            "We missed the spike because the graph was averaged.",
            "Sales missed the quota after the price change.",
            "The alert did not reach on-call."})
    void leavesSystemsTeamsAndNeutralActionsAlone(String text) {
        assertThat(found(text)).isEmpty();
    }

    @Test
    void aCapitalSeenInsideASentenceMakesASentenceStartAName() {
        // "Jens" ends like a plural, but the second sentence proves it is a name.
        assertThat(found("Jens forgot the rollback. The review was done by Jens on Monday.")).containsExactly(
                "PERSON_AS_CAUSE:Jens forgot");
        // "Backups" ends like a plural and is never capitalised inside a sentence.
        assertThat(found("Backups missed the nightly window.")).isEmpty();
        // Seen in lower case elsewhere: a common word that opened a sentence.
        assertThat(found("Canary broke the cache. We paused the canary.")).isEmpty();
    }

    // ---------------------------------------------------------------- the other rules

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Whose fault was it?                                      | FAULT:Whose fault
            The fault of the night team was the missing escalation.  | FAULT:fault of
            It was his fault.                                        | FAULT:his fault
            The support team is to blame.                            | FAULT:to blame
            Ben was blamed for the outage.                           | FAULT:blamed
            The root cause was human error.                          | HUMAN_ERROR:human error
            This was operator error during the failover.             | HUMAN_ERROR:operator error
            The nurse was careless with the second dose.             | CHARACTER:careless
            Sales dropped the ball on the renewal.                   | CHARACTER:dropped the ball
            We really messed up the cut-over.                        | CHARACTER:messed up
            The QA pass was lazy.                                    | CHARACTER:lazy
            We should have caught this in review.                    | HINDSIGHT:should have
            They shouldn't have pushed on a Friday.                  | HINDSIGHT:shouldn't have
            The pharmacist could have just double-checked the dose.  | HINDSIGHT:could have just
            Someone should've noticed the disk filling up.           | HINDSIGHT:should've
            The developer who should have reviewed it was on leave.  | HINDSIGHT:should have
            """)
    void flagsBlameVocabulary(String text, String expected) {
        assertThat(found(text)).containsExactly(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "The system should have alerted us when the queue grew.",
            "The pharmacy system should have flagged the interaction.",
            "Every service should have an owner.",
            "Anna should have been paged, but the rotation had her on leave.",
            "We use lazy loading for product images.",
            "The user error messages were unclear.",
            "We ran git blame to find the change.",
            "The migration messed up the index statistics.",
            "We learned that the checklist was missing.",
            "The disk has a fault of its own.",
            "Calling this \"human error\" would hide the missing confirmation step.",
            "Blameless reviews look at systems, not people."})
    void leavesBlamelessPhrasingAlone(String text) {
        assertThat(found(text)).isEmpty();
    }

    // ---------------------------------------------------------------- negations

    @ParameterizedTest
    @ValueSource(strings = {
            "This was not anyone's fault.",
            "It was nobody's fault; two teams each assumed the other owned it.",
            "It was no one's fault.",
            "Nobody was at fault; the process had a gap.",
            "No one is to blame for the outage.",
            "We did not blame the on-call engineer.",
            "This wasn't human error, it was a missing guard.",
            "The nurse was not careless: the pump screen was ambiguous.",
            "Nobody dropped the ball; the handover form had no field for it.",
            "The retro was not about who is to blame.",
            "We looked for conditions rather than human error."})
    void negationClearsBlame(String text) {
        assertThat(found(text)).isEmpty();
    }

    @Test
    void negationReachesOnlyItsOwnClause() {
        assertThat(found("He didn't test it, and it was his fault.")).containsExactly("PERSON_AS_CAUSE:He didn't",
                "FAULT:his fault");
        assertThat(found("Nothing was logged because Anna forgot the flag.")).containsExactly(
                "PERSON_AS_CAUSE:Anna forgot");
        assertThat(found("Nobody noticed that she deleted the table.")).containsExactly(
                "PERSON_AS_CAUSE:she deleted");
    }

    // ---------------------------------------------------------------- paragraphs

    @Test
    void findsEveryBlameInAParagraphInOrder() {
        String text = """
                Summary: the checkout was down for 40 minutes. Mark forgot to renew the certificate, which was \
                human error. He should have seen the expiry warning. Nobody was at fault for the slow rollback; \
                the runbook was out of date. Honestly the handover was sloppy.
                """;

        BlamelessCheck check = checker.check(text);

        assertThat(check.blameless()).isFalse();
        assertThat(found(text)).containsExactly("PERSON_AS_CAUSE:Mark forgot", "HUMAN_ERROR:human error",
                "HINDSIGHT:should have", "CHARACTER:sloppy");
        assertThat(check.codes()).containsExactly(BlameCode.PERSON_AS_CAUSE, BlameCode.HUMAN_ERROR,
                BlameCode.HINDSIGHT, BlameCode.CHARACTER);
        assertThat(check.findings()).isSortedAccordingTo(BlameFinding.ORDER);
        assertThat(check.has(BlameCode.FAULT)).isFalse();
    }

    @Test
    void bulletsAndLinesAreSentences() {
        String text = "Timeline:\n- 09:12 Anna deleted the old index\n- 09:15 Payments broke\n";

        assertThat(found(text)).containsExactly("PERSON_AS_CAUSE:Anna deleted");
    }

    @Test
    void aBlamelessParagraphHasNoFindings() {
        BlamelessCheck check = checker.check("""
                The alert did not reach on-call because the escalation policy pointed to an old rotation. \
                Time pressure and an unclear confirmation screen made the wrong click likely. We learned that \
                the checklist was missing a step. The system should have paged the secondary.""");

        assertThat(check.blameless()).isTrue();
        assertThat(check.findings()).isEmpty();
    }

    // ---------------------------------------------------------------- input edges and options

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\n\t ", "\u00a0", "...", "--", "'", "\""})
    void nullBlankAndPunctuationAreBlameless(String text) {
        BlamelessCheck check = checker.check(text);

        assertThat(check.blameless()).isTrue();
        assertThat(check.text()).isEqualTo(text == null ? "" : text);
    }

    @Test
    void extraPhrasesAreFoundCaseInsensitivelyWithHyphensAsSpaces() {
        BlamelessChecker custom = checker.withPhrases(BlameCode.CHARACTER, "Cowboy-Deploy", "  clueless ");
        String text = "It was a cowboy deploy by a clueless admin. Not a cowboy deploy this time.";

        assertThat(custom.check(text).findings()).extracting(BlameFinding::phrase)
                .containsExactly("cowboy deploy", "clueless");
        assertThat(checker.check(text).blameless()).as("the original checker is unchanged").isTrue();
    }

    @Test
    void extraPhrasesMustBeWords() {
        assertThatThrownBy(() -> checker.withPhrases(BlameCode.FAULT, "")).isInstanceOf(
                IllegalArgumentException.class);
        assertThatThrownBy(() -> checker.withPhrases(BlameCode.FAULT, "a.*b")).isInstanceOf(
                IllegalArgumentException.class);
        assertThatThrownBy(() -> checker.withPhrases(BlameCode.FAULT, (String) null)).isInstanceOf(
                IllegalArgumentException.class);
    }

    @Test
    void findingsCheckTheirOwnInvariants() {
        assertThatThrownBy(() -> new BlameFinding(BlameCode.FAULT, 3, 3, "", "k", "s"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BlameFinding(BlameCode.FAULT, 0, 4, "abc", "k", "s"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
