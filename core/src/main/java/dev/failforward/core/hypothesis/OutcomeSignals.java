package dev.failforward.core.hypothesis;

import java.util.EnumSet;
import java.util.Set;

/**
 * Detects how an expected outcome could be measured.
 *
 * <p>An outcome is measurable with a number, a threshold, or a direction applied to a metric ("conversion rises").
 * A direction alone ("things will get better") is not: nothing says what to look at. Words of a time window
 * ("in 2026", "within 30 days") only place the outcome in time: they count as {@link MeasureSignal#TIMEFRAME}, not as a
 * measure, so "customers are happier within 30 days" still fails.
 */
final class OutcomeSignals {

    /** How far a time starter may stand from its unit: "by [the end of the] quarter". */
    private static final int MAX_TIME_WINDOW = 5;

    private OutcomeSignals() {
    }

    static boolean measurable(Set<MeasureSignal> signals) {
        return signals.contains(MeasureSignal.NUMBER) || signals.contains(MeasureSignal.THRESHOLD)
                || (signals.contains(MeasureSignal.DIRECTION) && signals.contains(MeasureSignal.METRIC));
    }

    /** The signals in the text range {@code [start, end)}. */
    static Set<MeasureSignal> detect(TokenizedText t, int start, int end) {
        Set<MeasureSignal> signals = EnumSet.noneOf(MeasureSignal.class);
        int from = t.firstTokenFrom(start);
        int to = t.firstTokenFrom(end);
        boolean[] inTimeframe = markTimeframes(t, from, to);
        for (boolean marked : inTimeframe) {
            if (marked) {
                signals.add(MeasureSignal.TIMEFRAME);
                break;
            }
        }
        for (int i = from; i < to; ) {
            i += classify(t, i, to, inTimeframe[i - from], signals);
        }
        String range = t.text().substring(start, end);
        if (range.indexOf('<') >= 0 || range.indexOf('>') >= 0 || range.indexOf('\u2264') >= 0
                || range.indexOf('\u2265') >= 0) {
            signals.add(MeasureSignal.THRESHOLD);
        }
        return signals;
    }

    /** Adds what token {@code i} starts to {@code signals}; returns how many tokens that consumed (at least 1). */
    private static int classify(TokenizedText t, int i, int to, boolean timeframe, Set<MeasureSignal> signals) {
        if (t.is(i, "per") && i + 1 < to) {
            // A rate: "per month", "per patient"; a number after it still counts ("per 1,000 bed days").
            signals.add(MeasureSignal.METRIC);
            return t.get(i + 1).isNumeral() ? 1 : 2;
        }
        if (timeframe) {
            // "within 30 days", "by 2026": the window says when to look, not what to measure.
            return 1;
        }
        // Longest phrase wins ("lower than" is a threshold, "lower" a direction); idioms win ties and mean nothing.
        int idiom = Vocabulary.IDIOMS.matchAt(t, i, to);
        int threshold = Vocabulary.THRESHOLDS.matchAt(t, i, to);
        int metric = Vocabulary.METRICS.matchAt(t, i, to);
        int direction = Vocabulary.DIRECTIONS.matchAt(t, i, to);
        int longest = Math.max(Math.max(idiom, threshold), Math.max(metric, direction));
        if (longest > 0) {
            if (idiom == longest) {
                return longest;
            }
            if (threshold == longest) {
                signals.add(MeasureSignal.THRESHOLD);
            } else if (metric == longest) {
                signals.add(MeasureSignal.METRIC);
            } else {
                signals.add(MeasureSignal.DIRECTION);
            }
            return longest;
        }
        boolean number = t.get(i).isNumeral() || Vocabulary.NUMBER_WORDS.contains(t.word(i));
        if (number) {
            signals.add(MeasureSignal.NUMBER);
        }
        return 1;
    }

    /** Marks the tokens of {@code [from, to)} that belong to a time window; index 0 is token {@code from}. */
    private static boolean[] markTimeframes(TokenizedText t, int from, int to) {
        boolean[] marked = new boolean[to - from];
        for (int i = from; i < to; i++) {
            int last = timeframeEnd(t, i, to);
            for (int k = i; k <= last; k++) {
                marked[k - from] = true;
            }
        }
        return marked;
    }

    /** The last token of a time window starting at {@code i}, or {@code i - 1} when none starts there. */
    private static int timeframeEnd(TokenizedText t, int i, int to) {
        String word = t.word(i);
        if (isTimePoint(t, i)) {
            return i;
        }
        if (Vocabulary.PER_WORDS.contains(word) && i + 1 < to && Vocabulary.TIME_UNITS.contains(t.word(i + 1))) {
            return i + 1;
        }
        if (!Vocabulary.TIME_STARTERS.contains(word)) {
            return i - 1;
        }
        // "by 10% this month" is an amount, not a window: after "by", and before a '%', numbers end the search.
        boolean numbersAllowed = !word.equals("by");
        for (int j = i + 1; j < to && j - i <= MAX_TIME_WINDOW; j++) {
            if (Vocabulary.TIME_UNITS.contains(t.word(j)) || isTimePoint(t, j) || t.get(j).isYear()) {
                return j;
            }
            boolean filler = Vocabulary.TIME_FILLERS.contains(t.word(j))
                    || (numbersAllowed && isNumber(t, j) && !percentFollows(t, j));
            if (!filler) {
                break;
            }
        }
        return i - 1;
    }

    private static boolean isTimePoint(TokenizedText t, int i) {
        String word = t.word(i);
        return Vocabulary.TIME_POINTS.contains(word) || isFiscalYear(word);
    }

    /** "FY25", "fy2026". */
    private static boolean isFiscalYear(String word) {
        return word.length() >= 4 && word.length() <= 6 && word.startsWith("fy")
                && word.substring(2).chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static boolean isNumber(TokenizedText t, int i) {
        return t.get(i).isNumeral() || Vocabulary.NUMBER_WORDS.contains(t.word(i));
    }

    private static boolean percentFollows(TokenizedText t, int i) {
        int next = t.skipSpace(t.get(i).end());
        return next < t.text().length() && t.text().charAt(next) == '%';
    }
}
