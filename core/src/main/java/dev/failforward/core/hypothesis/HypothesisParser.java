package dev.failforward.core.hypothesis;

/**
 * Finds the form of a hypothesis and where its condition, expected outcome and rationale are.
 *
 * <p>The form is decided by the opening words only ("If", "When", "We believe"), optionally after a "Hypothesis:"
 * label: a hypothesis that does not lead with its form is hard to read, and searching the whole text for "if" would
 * accept almost any sentence. The split between condition and outcome is searched in the first sentence, in this
 * order: ", then", "then", the first comma ("If X, Y"); a "Then" opening the second sentence also counts. The split
 * is looked for before the first because-clause, and only if there is none there in the whole sentence, so
 * "…, because then nobody skips steps" cannot supply the "then" but "If X because Z, then Y" still splits.
 *
 * <p>A rationale is taken from the outcome ("Y because Z"), else from the condition ("If X because Z, then Y"), else
 * from a later sentence or line that opens with a marker ("Because Z.", "Rationale: Z").
 */
final class HypothesisParser {

    /** A range of the original text; {@code start == end} for an empty one. */
    record Span(int start, int end) {
        boolean isEmpty() {
            return start == end;
        }
    }

    /**
     * Where things are. {@code keyword} is the opening words ("If", "We believe that"); {@code connector} what joined
     * condition and outcome (", then", ",", "will result in"); {@code condition}, {@code outcome} and
     * {@code rationale} are trimmed and {@code null} when absent. Only {@code form} is set when it is UNRECOGNISED.
     */
    record Result(HypothesisForm form, Span keyword, Span condition, Span connector, Span outcome, Span rationale) {
        static final Result UNRECOGNISED = new Result(HypothesisForm.UNRECOGNISED, null, null, null, null, null);
    }

    /** Where the outcome starts: the condition ends at {@code conditionEnd}; {@code connector} may be empty. */
    private record Split(int conditionEnd, Span connector, int outcomeStart) {
    }

    /** A because-clause: the marker starts at {@code markerStart}, its text at {@code textStart}. */
    private record Marker(int markerStart, int textStart, boolean label) {
    }

    private final TokenizedText t;
    private final String text;

    private HypothesisParser(TokenizedText tokens) {
        this.t = tokens;
        this.text = tokens.text();
    }

    static Result parse(TokenizedText tokens) {
        return new HypothesisParser(tokens).parse();
    }

    private Result parse() {
        int first = t.is(0, "hypothesis") && labelSignFollows(0) ? 1 : 0;
        if (first >= t.size()) {
            return Result.UNRECOGNISED;
        }
        if (t.is(first, "if")) {
            return conditional(HypothesisForm.IF_THEN, first, first + 1);
        }
        if (t.is(first, "when")) {
            return conditional(HypothesisForm.WHEN, first, first + 1);
        }
        boolean believe = (t.is(first, "we") || t.is(first, "i"))
                && Vocabulary.BELIEF_VERBS.contains(t.word(first + 1));
        if (!believe) {
            return Result.UNRECOGNISED;
        }
        int body = first + 2;
        if (t.is(body, "that")) {
            body++;
        }
        if (t.is(body, "if") || t.is(body, "when")) {
            // "We believe that if X, then Y": the belief wraps a conditional; split it like one.
            return conditional(HypothesisForm.WE_BELIEVE, first, body + 1);
        }
        return belief(first, body);
    }

    // ---------------------------------------------------------------- forms

    private Result conditional(HypothesisForm form, int first, int body) {
        int keywordEnd = t.get(body - 1).end();
        int sentenceEnd = statementEnd(keywordEnd);
        int sentenceTokens = t.firstTokenFrom(sentenceEnd);
        int marker = firstMarker(body, sentenceTokens);
        Split split = marker >= 0 ? conditionalSplit(body, marker, keywordEnd, t.get(marker).start()) : null;
        if (split == null) {
            split = conditionalSplit(body, sentenceTokens, keywordEnd, sentenceEnd);
        }
        if (split == null && t.is(sentenceTokens, "then") && t.get(sentenceTokens).sentenceStart()) {
            Token then = t.get(sentenceTokens);
            split = new Split(sentenceEnd, new Span(then.start(), then.end()), then.end());
        }
        return assemble(form, first, keywordEnd, split, sentenceEnd);
    }

    private Split conditionalSplit(int fromToken, int toToken, int fromOffset, int toOffset) {
        int firstThen = -1;
        for (int i = fromToken; i < toToken; i++) {
            if (t.is(i, "then")) {
                Token then = t.get(i);
                int before = t.lastNonSpaceBefore(then.start());
                if (before >= fromOffset && text.charAt(before) == ',') {
                    return new Split(before, new Span(before, then.end()), then.end());
                }
                if (firstThen < 0) {
                    firstThen = i;
                }
            }
        }
        if (firstThen >= 0) {
            Token then = t.get(firstThen);
            return new Split(then.start(), new Span(then.start(), then.end()), then.end());
        }
        for (int i = fromOffset; i < toOffset; i++) {
            if (text.charAt(i) == ',' && !insideNumber(i)) {
                return new Split(i, new Span(i, i + 1), i + 1);
            }
        }
        return null;
    }

    private Result belief(int first, int body) {
        int keywordEnd = t.get(body - 1).end();
        int sentenceEnd = statementEnd(keywordEnd);
        int sentenceTokens = t.firstTokenFrom(sentenceEnd);
        int marker = firstMarker(body, sentenceTokens);
        Split split = marker >= 0 ? beliefSplit(body, marker) : null;
        if (split == null) {
            split = beliefSplit(body, sentenceTokens);
        }
        return assemble(HypothesisForm.WE_BELIEVE, first, keywordEnd, split, sentenceEnd);
    }

    /**
     * "X will result in Y" (connector dropped), else "X will reduce Y" (modal dropped, the verb phrase is the
     * outcome), else "X will Y", else "X reduces Y". Each rule is tried over the whole range before the next, so a
     * "will" inside the condition ("a bot that will answer FAQs will cut tickets") does not split it.
     */
    private Split beliefSplit(int fromToken, int toToken) {
        for (int i = fromToken; i < toToken; i++) {
            int length = Vocabulary.BELIEF_CONNECTORS.matchAt(t, i, toToken);
            if (length > 0) {
                Span connector = new Span(t.get(i).start(), t.get(i + length - 1).end());
                return new Split(connector.start(), connector, connector.end());
            }
        }
        for (int i = fromToken; i + 1 < toToken; i++) {
            if (Vocabulary.MODALS.contains(t.word(i)) && Vocabulary.DIRECTION_VERBS.contains(t.word(i + 1))) {
                return new Split(t.get(i).start(), new Span(t.get(i).start(), t.get(i).end()), t.get(i + 1).start());
            }
        }
        for (int i = fromToken; i < toToken; i++) {
            if (Vocabulary.MODALS.contains(t.word(i))) {
                return new Split(t.get(i).start(), new Span(t.get(i).start(), t.get(i).end()), t.get(i).end());
            }
        }
        for (int i = fromToken; i < toToken; i++) {
            if (Vocabulary.DIRECTION_VERBS.contains(t.word(i))) {
                return new Split(t.get(i).start(), new Span(t.get(i).start(), t.get(i).start()), t.get(i).start());
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- parts

    private Result assemble(HypothesisForm form, int first, int keywordEnd, Split split, int sentenceEnd) {
        Span keyword = new Span(t.get(first).start(), keywordEnd);
        if (split == null) {
            Marker marker = inlineMarker(keywordEnd, sentenceEnd);
            int conditionEnd = marker != null ? marker.markerStart() : sentenceEnd;
            Span rationale = marker != null ? trim(marker.textStart(), sentenceEnd) : trailingRationale(sentenceEnd);
            return new Result(form, keyword, orNull(trimBeforeMarker(keywordEnd, conditionEnd)), null, null,
                    orNull(rationale));
        }
        int outcomeEnd = statementEnd(split.outcomeStart());
        Marker outcomeMarker = inlineMarker(split.outcomeStart(), outcomeEnd);
        Span outcome = outcomeMarker != null
                ? trimBeforeMarker(split.outcomeStart(), outcomeMarker.markerStart())
                : trim(split.outcomeStart(), outcomeEnd);
        int conditionEnd = split.conditionEnd();
        Span rationale;
        if (outcomeMarker != null) {
            rationale = trim(outcomeMarker.textStart(), outcomeEnd);
        } else {
            Marker conditionMarker = inlineMarker(keywordEnd, conditionEnd);
            if (conditionMarker != null) {
                rationale = trim(conditionMarker.textStart(), conditionEnd);
                conditionEnd = conditionMarker.markerStart();
            } else {
                rationale = trailingRationale(outcomeEnd);
            }
        }
        return new Result(form, keyword, orNull(trimBeforeMarker(keywordEnd, conditionEnd)), split.connector(),
                orNull(outcome), orNull(rationale));
    }

    /**
     * The end of the statement that contains {@code from}: its sentence end, or earlier where a line starts with a
     * because-clause (people put "Because …" on a line of its own and skip the full stop).
     */
    private int statementEnd(int from) {
        int end = t.sentenceEndAfter(from);
        for (int i = t.firstTokenFrom(from); i < t.size() && t.get(i).start() < end; i++) {
            if (t.get(i).lineStart() && markerAt(i, t.size()) != null) {
                return t.get(i).start();
            }
        }
        return end;
    }

    /** The token index of the first because-clause marker in {@code [from, to)}, or -1. */
    private int firstMarker(int fromToken, int toToken) {
        for (int i = fromToken; i < toToken; i++) {
            if (markerAt(i, toToken) != null) {
                return i;
            }
        }
        return -1;
    }

    /** The first because-clause marker inside the text range {@code [from, to)}, or {@code null}. */
    private Marker inlineMarker(int from, int to) {
        int limit = t.firstTokenFrom(to);
        for (int i = t.firstTokenFrom(from); i < limit; i++) {
            Marker marker = markerAt(i, limit);
            if (marker != null) {
                return marker;
            }
        }
        return null;
    }

    /**
     * A rationale in a later sentence or line that starts with a marker ("Because …", "We think this because …",
     * "Rationale: …"). A label claims the rest of the text, a marker its sentence.
     */
    private Span trailingRationale(int from) {
        for (int i = t.firstTokenFrom(from); i < t.size(); i++) {
            Token token = t.get(i);
            if (!token.sentenceStart() && !token.lineStart()) {
                continue;
            }
            Marker marker = markerAt(i, t.size());
            if (marker != null) {
                int end = marker.label() ? text.length() : statementEnd(marker.textStart());
                return trim(marker.textStart(), Math.max(end, marker.textStart()));
            }
        }
        return null;
    }

    private Marker markerAt(int index, int limit) {
        int length = Vocabulary.RATIONALE_MARKERS.matchAt(t, index, limit);
        if (length == 1 && t.is(index, "since") && isTemporalSince(index)) {
            length = 0;
        }
        if (length > 0) {
            return new Marker(t.get(index).start(), t.get(index + length - 1).end(), false);
        }
        length = Vocabulary.RATIONALE_LABELS.matchAt(t, index, limit);
        if (length > 0 && labelSignFollows(index + length - 1)) {
            int sign = t.skipSpace(t.get(index + length - 1).end());
            return new Marker(t.get(index).start(), sign + 1, true);
        }
        return null;
    }

    /** "since March", "ever since", "since 2023": time, not a reason. */
    private boolean isTemporalSince(int index) {
        return t.is(index - 1, "ever")
                || (index + 1 < t.size() && t.get(index + 1).isNumeral())
                || Vocabulary.TEMPORAL_AFTER_SINCE.matchAt(t, index + 1, t.size()) > 0;
    }

    private boolean labelSignFollows(int index) {
        int sign = t.skipSpace(t.get(index).end());
        if (sign >= text.length()) {
            return false;
        }
        char c = text.charAt(sign);
        return c == ':' || c == '-' || c == '\u2013' || c == '\u2014';
    }

    private boolean insideNumber(int offset) {
        return offset > 0 && offset + 1 < text.length()
                && Character.isDigit(text.charAt(offset - 1)) && Character.isDigit(text.charAt(offset + 1));
    }

    // ---------------------------------------------------------------- trimming

    /** Trimmed from both ends of a part: joining punctuation and en/em dashes. */
    private static final String TRIMMED_BOTH_SIDES = ",;:\u2013\u2014";
    /** Also trimmed from the end: sentence punctuation and a hyphen (a leading one stays: "-5%"). */
    private static final String TRIMMED_AT_END = ".!?\u2026-";
    /** Opening quotes and the closing quote each pairs with. */
    private static final String OPENING_QUOTES = "\"\u201c\u2018\u00ab";
    private static final String CLOSING_QUOTES = "\"\u201d\u2019\u00bb";

    /**
     * Narrows {@code [start, end)} to its content, without white space and the punctuation above. A quote at either
     * end goes only when its partner is not inside the part, so {@code If we call it "done", then …} keeps
     * {@code we call it "done"} while a stray quote left over from the split is dropped.
     */
    private Span trim(int start, int end) {
        int s = Math.min(start, end);
        int e = end;
        boolean changed = true;
        while (changed) {
            changed = false;
            while (s < e && isTrimmed(text.charAt(s), TRIMMED_BOTH_SIDES)) {
                s++;
                changed = true;
            }
            while (e > s && isTrimmed(text.charAt(e - 1), TRIMMED_BOTH_SIDES + TRIMMED_AT_END)) {
                e--;
                changed = true;
            }
            if (s < e && isUnpairedOpening(s, e)) {
                s++;
                changed = true;
            }
            if (e > s && isUnpairedClosing(s, e - 1)) {
                e--;
                changed = true;
            }
        }
        return new Span(s, e);
    }

    /** Whether {@code text[at]} is an opening quote with no closing partner before {@code end}. */
    private boolean isUnpairedOpening(int at, int end) {
        int kind = OPENING_QUOTES.indexOf(text.charAt(at));
        if (kind < 0) {
            return false;
        }
        int closing = text.indexOf(CLOSING_QUOTES.charAt(kind), at + 1);
        return closing < 0 || closing >= end;
    }

    /** Whether {@code text[at]} is a closing quote with no opening partner from {@code start}. */
    private boolean isUnpairedClosing(int start, int at) {
        int kind = CLOSING_QUOTES.indexOf(text.charAt(at));
        if (kind < 0) {
            return false;
        }
        int opening = text.lastIndexOf(OPENING_QUOTES.charAt(kind), at - 1);
        return opening < start;
    }

    /** Like {@link #trim} for text cut off before a because-clause, also dropping a dangling "and"/"but"/"so". */
    private Span trimBeforeMarker(int start, int end) {
        Span span = trim(start, end);
        int last = t.firstTokenFrom(span.end()) - 1;
        if (last >= 0 && t.get(last).end() == span.end() && t.get(last).start() > span.start()
                && (t.is(last, "and") || t.is(last, "but") || t.is(last, "so"))) {
            return trim(span.start(), t.get(last).start());
        }
        return span;
    }

    private static boolean isTrimmed(char c, String punctuation) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || punctuation.indexOf(c) >= 0;
    }

    private static Span orNull(Span span) {
        return span == null || span.isEmpty() ? null : span;
    }
}
