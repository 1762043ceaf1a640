package dev.failforward.core.blameless;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Finds language in a post-mortem that blames people, so the author can rewrite it before the retro is shared.
 *
 * <p>Rules, over words rather than regular expressions (see {@link Words}):
 * <ul>
 *   <li>{@link BlameCode#FAULT}: "whose fault", "fault of", "at fault", "to blame", "blame(d)", "Sam's fault",
 *       "his/her/their fault". Blame vocabulary counts whatever it points at: "the cache was to blame" still frames
 *       the review as a search for a culprit. Not "git blame".</li>
 *   <li>{@link BlameCode#HUMAN_ERROR}: "human/operator/user/pilot error", "fat-fingered"; not "user error
 *       messages".</li>
 *   <li>{@link BlameCode#CHARACTER}: "careless", "negligent", "sloppy", "lazy" (not "lazy loading"),
 *       "incompetent", "stupid", "reckless", "didn't bother", "dropped the ball"; "messed up" and "screwed up" only
 *       after a person ("we messed up", not "the migration messed up the index").</li>
 *   <li>{@link BlameCode#HINDSIGHT}: "should have", "should've", "shouldn't have", "should not have", "ought to
 *       have" followed by a past participle ("should have seen"), and "could have just". Not a recommendation
 *       ("every service should have an owner") and not a passive ("Anna should have been paged": the system failed
 *       her). <b>Only with a person as subject</b>: a pronoun ("we", "they", "someone", "who"), a role ("the
 *       engineer", "QA") or a name. "The system should have alerted us" describes a gap in the system, which is
 *       what a blameless review should say. Decided on the test corpus ({@code sentences.tsv}): flagging every
 *       "should have" finds no more blame there and triples the false positives (3 instead of 1 of the 45
 *       blameless sentences), so the person rule wins.</li>
 *   <li>{@link BlameCode#PERSON_AS_CAUSE}: a name, "he" or "she" directly followed (at most two adverbs between)
 *       by a failure verb: forgot, missed, broke, deleted, ignored, skipped, failed to, didn't, did not, caused,
 *       messed up, overlooked, misconfigured and a few more. A name is a capitalised word that is not in a stop
 *       list of function words, teams, systems, products, days and months, and not after "the". At a sentence,
 *       line or quotation start a capital is weak evidence, so there the word must also appear capitalised inside
 *       a sentence elsewhere, or else never in lower case and not end like a common noun ("Monitoring",
 *       "Replication", "Alerts"). Title-case headings ("Migration Failed To Complete") are skipped, and so are
 *       "didn't cause", "did not have" and the like, which excuse the person.</li>
 * </ul>
 * Every rule but hindsight is cancelled by a negation earlier in the same clause ("Nobody was at fault", "This was not
 * anyone's fault", "not human error", "nobody's fault"), and a phrase in quotation marks is a mention, not a use
 * ("calling it \"human error\" hides…"). Findings never overlap: overlapping ones merge into one that covers both,
 * with the code of the one that starts first, so "She didn't bother" is one {@link BlameCode#PERSON_AS_CAUSE}
 * finding.
 *
 * <p>English only; a heuristic, not a grammar. Immutable and thread-safe; linear in the text length, never throws.
 */
public final class BlamelessChecker {

    /** Who must be the subject of "should have" for it to count; package-private so the corpus test compares both. */
    enum HindsightSubject { PERSON, ANY }

    /** How many words back a negation still cancels a phrase: "This was not anyone's fault" needs 3. */
    private static final int NEGATION_REACH = 6;
    /** How many adverbs may stand between a subject and its verb: "Raj just didn't". */
    private static final int MAX_ADVERBS = 2;

    private final Map<BlameCode, Phrases> extraPhrases;
    private final HindsightSubject hindsightSubject;

    private BlamelessChecker(Map<BlameCode, Phrases> extraPhrases, HindsightSubject hindsightSubject) {
        Map<BlameCode, Phrases> copy = new EnumMap<>(BlameCode.class);
        copy.putAll(extraPhrases);
        this.extraPhrases = Collections.unmodifiableMap(copy);
        this.hindsightSubject = hindsightSubject;
    }

    /** A checker with the built-in English rules. */
    public static BlamelessChecker defaults() {
        return new BlamelessChecker(new EnumMap<>(BlameCode.class), HindsightSubject.PERSON);
    }

    /**
     * A checker that also reports {@code phrases} as {@code code}, e.g. a team's own jargon ("cowboy deploy"). Extra
     * phrases match as written, anywhere, case-insensitively, with hyphens read as spaces; only the negation and
     * quotation rules apply to them.
     *
     * @throws IllegalArgumentException for a phrase with no words or with characters other than letters, digits, inner
     *                                  apostrophes, hyphens and spaces
     */
    public BlamelessChecker withPhrases(BlameCode code, String... phrases) {
        Objects.requireNonNull(code, "code");
        Phrases added = Phrases.of(Arrays.asList(Objects.requireNonNull(phrases, "phrases")), true);
        Map<BlameCode, Phrases> extra = new EnumMap<>(BlameCode.class);
        extra.putAll(extraPhrases);
        extra.merge(code, added, Phrases::plus);
        return new BlamelessChecker(extra, hindsightSubject);
    }

    /** The same checker with another hindsight rule; see the class comment for why {@code PERSON} is the default. */
    BlamelessChecker withHindsightSubject(HindsightSubject subject) {
        return new BlamelessChecker(extraPhrases, Objects.requireNonNull(subject, "subject"));
    }

    /** Checks {@code text}; {@code null} is checked as {@code ""}. Blank text is blameless. */
    public BlamelessCheck check(String text) {
        String source = text == null ? "" : text;
        Words words = Words.of(source);
        List<BlameFinding> found = new ArrayList<>();
        int faultEnd = 0; // "to blame" must not be found again from "blame", out of its negation's reach
        for (int i = 0; i < words.size(); i++) {
            int n = i < faultEnd ? 0 : Lexicon.FAULT.match(words, i);
            faultEnd = Math.max(faultEnd, i + n);
            if (n > 0 && !Lexicon.VCS.contains(words.word(i - 1))
                    && !(words.word(i).equals("fault") && words.word(i - 1).equals("a"))) {
                report(found, words, source, BlameCode.FAULT, i, i + n);
            } else if (words.word(i + 1).equals("fault") && isPossessive(words.word(i))) {
                report(found, words, source, BlameCode.FAULT, i, i + 2);
            }
            n = Lexicon.HUMAN_ERROR.match(words, i);
            if (n > 0 && !Lexicon.TECHNICAL_AFTER_ERROR.contains(words.word(i + n))) {
                report(found, words, source, BlameCode.HUMAN_ERROR, i, i + n);
            }
            n = Lexicon.CHARACTER.match(words, i);
            if (n > 0 && isCharacterJudgement(words, i, n)) {
                report(found, words, source, BlameCode.CHARACTER, i, i + n);
            }
            n = Lexicon.HINDSIGHT.match(words, i);
            if (n > 0 && isHindsight(words, i, n)) {
                add(found, source, BlameCode.HINDSIGHT, words.get(i).start(), words.get(i + n - 1).end());
            }
            n = Lexicon.FAILURE_VERBS.match(words, i);
            if (n > 0) {
                personAsCause(found, words, source, i, n);
            }
            for (Map.Entry<BlameCode, Phrases> extra : extraPhrases.entrySet()) {
                n = extra.getValue().match(words, i);
                if (n > 0) {
                    report(found, words, source, extra.getKey(), i, i + n);
                }
            }
        }
        return new BlamelessCheck(source, merged(source, found));
    }

    private static boolean isPossessive(String word) {
        return (word.endsWith("'s") && !Lexicon.NOBODY_S.contains(word)) || Lexicon.POSSESSIVES.contains(word);
    }

    private static boolean isCharacterJudgement(Words words, int i, int n) {
        if (words.word(i).equals("lazy") && Lexicon.TECHNICAL_AFTER_LAZY.contains(words.word(i + 1))) {
            return false;
        }
        if (Lexicon.NEEDS_PERSON.match(words, i) != n) {
            return true;
        }
        int subject = subjectBefore(words, i);
        return subject >= 0 && isPerson(words, subject);
    }

    private boolean isHindsight(Words words, int i, int n) {
        if (!words.word(i + n - 1).equals("just")) {
            int next = skipAdverbs(words, i + n);
            if (!isParticiple(words.word(next))) {
                return false; // "should have an owner": a recommendation, not a judgement
            }
            if (words.word(next).equals("been") && isParticiple(words.word(skipAdverbs(words, next + 1)))) {
                return false; // "should have been paged": the subject is who the system failed
            }
        }
        if (hindsightSubject == HindsightSubject.ANY) {
            return true;
        }
        int subject = subjectBefore(words, i);
        return subject >= 0 && isPerson(words, subject);
    }

    private static void personAsCause(List<BlameFinding> found, Words words, String text, int verb, int n) {
        Words.Word first = words.get(verb);
        if (first.capitalised() && !first.weakStart()) {
            return; // a Title Case heading, where every word has a capital
        }
        boolean didNot = words.word(verb).equals("didn't") || words.word(verb).equals("did");
        if (didNot && Lexicon.EXCUSING_AFTER_DID_NOT.contains(words.word(verb + n))) {
            return;
        }
        int subject = subjectBefore(words, verb);
        if (subject < 0 || !(Lexicon.HE_SHE.contains(words.word(subject)) || isName(words, subject))) {
            return;
        }
        int start = subject;
        // Take in a first name or title: "Anna Schmidt forgot", "Dr. Okafor overlooked".
        while (start > subject - 2 && !words.get(start).clauseStart() && (Lexicon.TITLES.contains(words.word(start - 1))
                || (words.get(start - 1).capitalised() && isName(words, start - 1)))) {
            start--;
        }
        report(found, words, text, BlameCode.PERSON_AS_CAUSE, start, verb + n);
    }

    /** The word before {@code verb} in its clause, passing over adverbs, or -1. */
    private static int subjectBefore(Words words, int verb) {
        int j = verb;
        for (int skipped = 0; skipped <= MAX_ADVERBS; skipped++) {
            if (j == 0 || words.get(j).clauseStart()) {
                return -1;
            }
            j--;
            if (!Lexicon.ADVERBS.contains(words.word(j))) {
                return j;
            }
        }
        return -1;
    }

    private static int skipAdverbs(Words words, int from) {
        int j = from;
        while (j < from + MAX_ADVERBS && Lexicon.ADVERBS.contains(words.word(j))) {
            j++;
        }
        return j;
    }

    private static boolean isParticiple(String word) {
        return word.endsWith("ed") || word.endsWith("en") || word.endsWith("wn") || Lexicon.PARTICIPLES.contains(word);
    }

    private static boolean isPerson(Words words, int index) {
        String word = words.word(index);
        return Lexicon.PERSON_PRONOUNS.contains(word) || Lexicon.ROLES.contains(word)
                || (word.equals("call") && words.word(index - 1).equals("on")) || isName(words, index);
    }

    private static boolean isName(Words words, int index) {
        Words.Word w = words.get(index);
        String word = w.text();
        if (!w.capitalised() || word.endsWith("'s") || Lexicon.NOT_NAMES.contains(word)
                || word.chars().anyMatch(Character::isDigit)) {
            return false;
        }
        if (!w.weakStart()) {
            return !Lexicon.DETERMINERS.contains(words.word(index - 1));
        }
        return words.seenCapitalisedInside(word) || (!words.seenLowerCase(word) && !looksLikeCommonNoun(word));
    }

    /** "Monitoring", "Replication", "Alerts"; plurals in -s, but not "-ss/-us/-is/-as/-os" ("Carlos", "Chris"). */
    private static boolean looksLikeCommonNoun(String word) {
        for (String ending : Lexicon.COMMON_NOUN_ENDINGS) {
            if (word.endsWith(ending)) {
                return true;
            }
        }
        return word.length() > 3 && word.endsWith("s") && "suiao".indexOf(word.charAt(word.length() - 2)) < 0;
    }

    /** Adds the finding for words {@code [from, to)} unless a negation cancels it or it is quoted. */
    private static void report(List<BlameFinding> found, Words words, String text, BlameCode code, int from, int to) {
        if (!negated(words, from)) {
            add(found, text, code, words.get(from).start(), words.get(to - 1).end());
        }
    }

    private static void add(List<BlameFinding> found, String text, BlameCode code, int start, int end) {
        if (!(start > 0 && end < text.length() && isQuote(text.charAt(start - 1)) && isQuote(text.charAt(end)))) {
            found.add(BlameFinding.of(code, text, start, end));
        }
    }

    private static boolean negated(Words words, int index) {
        for (int j = index - 1; j >= 0 && index - j <= NEGATION_REACH; j--) {
            if (words.get(j + 1).clauseStart() || Lexicon.CLAUSE_WORDS.contains(words.word(j))) {
                return false;
            }
            if (Lexicon.NEGATORS.contains(words.word(j))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isQuote(char c) {
        return "\"'`\u201c\u201d\u2018\u2019\u00ab\u00bb".indexOf(c) >= 0;
    }

    /** Merges overlapping findings into one that covers both, with the code of the one that starts first. */
    private static List<BlameFinding> merged(String text, List<BlameFinding> found) {
        List<BlameFinding> sorted = new ArrayList<>(found);
        sorted.sort((a, b) -> a.start() != b.start() ? Integer.compare(a.start(), b.start())
                : Integer.compare(b.end(), a.end()));
        List<BlameFinding> kept = new ArrayList<>();
        for (BlameFinding finding : sorted) {
            BlameFinding last = kept.isEmpty() ? null : kept.get(kept.size() - 1);
            if (last == null || finding.start() >= last.end()) {
                kept.add(finding);
            } else if (finding.end() > last.end()) {
                kept.set(kept.size() - 1, BlameFinding.of(last.code(), text, last.start(), finding.end()));
            }
        }
        return kept;
    }
}
