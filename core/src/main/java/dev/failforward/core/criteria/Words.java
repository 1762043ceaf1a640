package dev.failforward.core.criteria;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The English words the criteria parser works from, lower case. Lists are explicit (no stemming) so what matches stays
 * predictable; a missing word makes a line unparsed, which the author sees and can rephrase.
 */
final class Words {

    private Words() {
    }

    /** A phrase that compares; {@code change} is "increase"/"decrease" for "grows by", "drops by", else null. */
    record Phrase(String[] words, Comparator comparator, String change, boolean weak) {
        int length() {
            return words.length;
        }
    }

    /** Comparing phrases before the number, longest first so "at or below" wins over "below". */
    static final List<Phrase> COMPARATORS = sortLongestFirst(phrases(
            Comparator.LT, "<", "below", "under", "beneath", "less than", "fewer than", "lower than", "smaller than",
            "shorter than", "faster than", "not reach", "does not reach", "doesn't reach", "never reaches"),
            phrases(Comparator.LE, "<=", "=<", "≤", "⩽", "at most", "no more than", "not more than", "no higher than",
                    "not higher than", "no greater than", "not greater than", "no longer than", "not longer than",
                    "up to", "max", "maximum", "maximum of", "a maximum of", "not above", "not over",
                    "does not exceed", "do not exceed", "doesn't exceed", "don't exceed", "not exceed",
                    "not exceeding", "never exceeds", "never exceed", "at or below", "at or under", "capped at",
                    "limited to", "drops to", "drop to", "falls to", "fall to", "down to", "reduced to",
                    "decreases to", "comes down to"),
            phrases(Comparator.GT, ">", "above", "over", "more than", "greater than", "higher than", "larger than",
                    "longer than", "slower than", "exceeds", "exceed", "exceeding", "exceeded", "in excess of",
                    "beyond", "tops", "surpasses"),
            phrases(Comparator.GE, ">=", "=>", "≥", "⩾", "at least", "no less than", "not less than", "no fewer than",
                    "not fewer than", "no lower than", "not lower than", "min", "minimum", "minimum of",
                    "a minimum of", "not below", "not under", "at or above", "at or over", "reaches", "reach",
                    "reached", "hits", "hit", "rises to", "grows to", "increases to", "climbs to", "goes up to"),
            phrases(Comparator.EQ, "=", "==", "equals", "equal to", "equals to", "is exactly", "exactly",
                    "stays at", "stay at", "remains at", "remain at", "held at", "kept at"),
            change("increase", "increases by", "increase by", "increased by", "grows by", "grow by", "grew by",
                    "rises by", "rise by", "rose by", "improves by", "improve by", "improved by", "goes up by",
                    "go up by", "climbs by", "lifts by", "is raised by", "raised by", "is increased by", "up by"),
            change("decrease", "decreases by", "decrease by", "decreased by", "drops by", "drop by", "dropped by",
                    "falls by", "fall by", "fell by", "declines by", "decline by", "reduces by", "is reduced by",
                    "reduced by", "reduce by", "is cut by", "cut by", "cuts by", "goes down by", "go down by",
                    "shrinks by", "is lowered by", "lowered by", "down by"),
            List.of(new Phrase(new String[] {"within"}, Comparator.LE, null, true)));

    /** Comparing phrases after the number: "40 or more", "3 or fewer". "+" ("40+") is handled in code. */
    static final List<Phrase> POSTFIX = sortLongestFirst(
            phrases(Comparator.GE, "or more", "or higher", "or above", "or greater", "or over", "and above",
                    "and over", "and up", "or better"),
            phrases(Comparator.LE, "or less", "or fewer", "or lower", "or below", "or under", "and below",
                    "and under"));

    /** Openings that are not part of the metric: "Stop if", "Success when", "We". Stripped repeatedly. */
    static final List<String[]> CUES = sortWordsLongestFirst(
            "stop if", "stop when", "stop as soon as", "stop once", "abort if", "abort when", "kill if", "kill it if",
            "halt if", "pause if", "pause when", "roll back if", "rollback if", "revert if", "success if",
            "success when", "succeed if", "we succeed if", "it succeeds if", "we stop if", "we will stop if",
            "we'll stop if", "fail if", "failure if", "pass if", "if", "when", "once", "as soon as", "whenever",
            "we", "our", "the", "we have", "we see", "we get", "we keep", "we hit", "we reach", "we achieve",
            "achieve", "get", "keep", "have", "see", "ensure", "ensure that", "make sure", "make sure that");

    /** Words that may label a line before a colon: "Success criterion:", "Stop:", "Guardrail:". */
    static final Set<String> LABELS = Set.of("success", "stop", "criteria", "criterion", "target", "targets", "goal",
            "goals", "kpi", "metric", "measure", "condition", "trigger", "guardrail", "guard", "rail", "kill",
            "switch", "threshold", "limit", "abort", "rule", "primary", "secondary", "main", "budget", "deadline",
            "end", "date", "cap", "stopping", "exit");

    /** Copulas, modals and verbs between a metric and its comparator: "error rate <i>stays</i> below 1%". */
    static final Set<String> TRAILING = Set.of("is", "are", "was", "were", "be", "been", "being", "stays", "stay",
            "stayed", "remains", "remain", "remained", "keeps", "keep", "kept", "held", "holds", "hold", "must",
            "should", "shall", "will", "would", "can", "could", "may", "might", "does", "do", "did", "has", "have",
            "had", "gets", "get", "got", "goes", "go", "went", "comes", "come", "came", "sits", "sit", "lands",
            "land", "ends", "end", "ended", "still", "consistently", "always", "reliably", "never", "of", "by",
            "to", "at", "needs", "need", "drops", "drop", "dropped", "falls", "fall", "fell",
            "rises", "rise", "rose", "climbs", "climb", "climbed", "grows", "grow", "grew", "increases",
            "increase", "increased", "decreases", "decrease", "decreased", "improves", "improve", "improved",
            "declines", "decline", "declined", "reduces", "reduced", "up", "down", "exactly", "total", "totals",
            // a metric never ends in a preposition: "revenue in May 2026 above €10k" is about "revenue"
            "in", "on", "for", "during", "until", "before", "after", "from", "across", "within");

    /** Comparisons after which a verb of movement is a verb: "churn <i>falls</i> below 3%". */
    static final Set<String> POSITIONAL = Set.of("below", "under", "beneath", "above", "over", "beyond");

    /** Verbs that, before "by", make the criterion a change: "churn <i>drops</i> by at least 2 points". */
    static final Map<String, String> CHANGE_VERBS = Map.ofEntries(
            Map.entry("increases", "increase"), Map.entry("increase", "increase"), Map.entry("increased", "increase"),
            Map.entry("grows", "increase"), Map.entry("grow", "increase"), Map.entry("grew", "increase"),
            Map.entry("rises", "increase"), Map.entry("rise", "increase"), Map.entry("rose", "increase"),
            Map.entry("improves", "increase"), Map.entry("improve", "increase"), Map.entry("improved", "increase"),
            Map.entry("climbs", "increase"), Map.entry("up", "increase"),
            Map.entry("decreases", "decrease"), Map.entry("decrease", "decrease"),
            Map.entry("decreased", "decrease"), Map.entry("drops", "decrease"), Map.entry("drop", "decrease"),
            Map.entry("dropped", "decrease"), Map.entry("falls", "decrease"), Map.entry("fall", "decrease"),
            Map.entry("fell", "decrease"), Map.entry("declines", "decrease"), Map.entry("decline", "decrease"),
            Map.entry("declined", "decrease"), Map.entry("reduces", "decrease"), Map.entry("reduced", "decrease"),
            Map.entry("down", "decrease"));

    /** Words that end a metric written after its number: "3 sev-1 incidents <i>per</i> quarter". */
    static final Set<String> METRIC_STOPS = Set.of("per", "a", "an", "for", "in", "within", "by", "over", "under",
            "during", "and", "or", "until", "till", "on", "at", "across", "before", "after", "compared", "vs",
            "versus", "than", "from", "if", "when", "while", "with", "without", "each", "every", "since", "as",
            "among", "between", "through", "throughout", "to", "is", "are", "was", "stays", "remains", "should",
            "must", "will", "that", "which", "who", "where");

    /** Units written right after the number, mapped to how the criterion reports them. */
    static final Map<String, String> UNITS = units();

    /** Words that make a rate of a period: "<i>a</i> month", "<i>each</i> week", "<i>every</i> sprint". */
    static final Set<String> RATE_WORDS = Set.of("a", "an", "each", "every");

    /** Periods of a rate written "a month", "each week", "every sprint". */
    static final Set<String> PERIODS = Set.of("second", "minute", "hour", "day", "night", "week", "weekend",
            "fortnight", "month", "quarter", "year", "sprint", "shift", "release", "iteration", "deploy",
            "deployment", "cycle", "season", "term", "semester");

    /** Words that make a line about money spent; "cost per hire" is still a metric because of "per". */
    static final Set<String> BUDGET_WORDS = Set.of("budget", "spend", "spent", "spending", "cost", "costs",
            "expenses", "expenditure", "outlay", "investment", "burn");

    static final Map<String, String> CURRENCY_SYMBOLS = Map.of("$", "USD", "€", "EUR", "£", "GBP", "¥", "JPY");

    /** ISO codes accepted in any case, and currency names; "pounds" is left out (it is also a weight). */
    static final Map<String, String> CURRENCY_WORDS = Map.ofEntries(
            Map.entry("eur", "EUR"), Map.entry("usd", "USD"), Map.entry("gbp", "GBP"), Map.entry("chf", "CHF"),
            Map.entry("cad", "CAD"), Map.entry("aud", "AUD"), Map.entry("nzd", "NZD"), Map.entry("jpy", "JPY"),
            Map.entry("cny", "CNY"), Map.entry("inr", "INR"), Map.entry("sek", "SEK"), Map.entry("nok", "NOK"),
            Map.entry("dkk", "DKK"), Map.entry("pln", "PLN"), Map.entry("euro", "EUR"), Map.entry("euros", "EUR"),
            Map.entry("dollar", "USD"), Map.entry("dollars", "USD"));

    /** Numbers written as words, accepted where a number must follow ("fewer than three incidents"). */
    static final Map<String, BigDecimal> NUMBER_WORDS = Map.ofEntries(
            Map.entry("zero", BigDecimal.ZERO), Map.entry("one", BigDecimal.ONE), Map.entry("two", BigDecimal.valueOf(2)),
            Map.entry("three", BigDecimal.valueOf(3)), Map.entry("four", BigDecimal.valueOf(4)),
            Map.entry("five", BigDecimal.valueOf(5)), Map.entry("six", BigDecimal.valueOf(6)),
            Map.entry("seven", BigDecimal.valueOf(7)), Map.entry("eight", BigDecimal.valueOf(8)),
            Map.entry("nine", BigDecimal.valueOf(9)), Map.entry("ten", BigDecimal.TEN),
            Map.entry("eleven", BigDecimal.valueOf(11)), Map.entry("twelve", BigDecimal.valueOf(12)),
            Map.entry("fifteen", BigDecimal.valueOf(15)), Map.entry("twenty", BigDecimal.valueOf(20)),
            Map.entry("thirty", BigDecimal.valueOf(30)), Map.entry("fifty", BigDecimal.valueOf(50)),
            Map.entry("hundred", BigDecimal.valueOf(100)));

    /** Multipliers written as a separate word: "2 thousand", "1.5 million". */
    static final Map<String, BigDecimal> MULTIPLIER_WORDS = Map.of("thousand", BigDecimal.valueOf(1_000),
            "k", BigDecimal.valueOf(1_000), "million", BigDecimal.valueOf(1_000_000),
            "mn", BigDecimal.valueOf(1_000_000), "billion", BigDecimal.valueOf(1_000_000_000),
            "bn", BigDecimal.valueOf(1_000_000_000));

    static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("january", 1), Map.entry("jan", 1), Map.entry("february", 2), Map.entry("feb", 2),
            Map.entry("march", 3), Map.entry("mar", 3), Map.entry("april", 4), Map.entry("apr", 4),
            Map.entry("may", 5), Map.entry("june", 6), Map.entry("jun", 6), Map.entry("july", 7),
            Map.entry("jul", 7), Map.entry("august", 8), Map.entry("aug", 8), Map.entry("september", 9),
            Map.entry("sep", 9), Map.entry("sept", 9), Map.entry("october", 10), Map.entry("oct", 10),
            Map.entry("november", 11), Map.entry("nov", 11), Map.entry("december", 12), Map.entry("dec", 12));

    static final Set<String> ORDINAL_SUFFIXES = Set.of("st", "nd", "rd", "th");

    private static Map<String, String> units() {
        Map<String, String> units = new java.util.HashMap<>();
        for (String percent : List.of("%", "percent", "pct", "per cent")) {
            units.put(percent, "%");
        }
        for (String points : List.of("pp", "ppt", "ppts", "percentage point", "percentage points")) {
            units.put(points, "pp");
        }
        for (String unit : List.of("ms", "msec", "msecs", "millisecond", "milliseconds", "s", "sec", "secs",
                "second", "seconds", "min", "mins", "minute", "minutes", "h", "hr", "hrs", "hour", "hours", "d",
                "day", "days", "wk", "wks", "week", "weeks", "month", "months", "quarter", "quarters", "yr", "yrs",
                "year", "years", "x", "times", "point", "points", "pt", "pts", "star", "stars", "bps", "kb", "mb",
                "gb", "tb", "rps", "rpm", "qps", "tps", "fps", "bpm", "kg", "g", "mg", "t", "tonnes", "tons", "mm",
                "cm", "m", "km", "l", "ml", "kwh", "mwh", "kw", "mw")) {
            units.put(unit, unit);
        }
        return Map.copyOf(units);
    }

    @SafeVarargs
    private static List<Phrase> sortLongestFirst(List<Phrase>... groups) {
        List<Phrase> all = new ArrayList<>();
        for (List<Phrase> group : groups) {
            all.addAll(group);
        }
        all.sort(java.util.Comparator.comparingInt(Phrase::length).reversed());
        return List.copyOf(all);
    }

    private static List<Phrase> phrases(Comparator comparator, String... phrases) {
        return Arrays.stream(phrases).map(p -> new Phrase(p.split(" "), comparator, null, false)).toList();
    }

    private static List<Phrase> change(String change, String... phrases) {
        return Arrays.stream(phrases).map(p -> new Phrase(p.split(" "), Comparator.GE, change, false)).toList();
    }

    private static List<String[]> sortWordsLongestFirst(String... phrases) {
        List<String[]> all = new ArrayList<>(Arrays.stream(phrases).map(p -> p.split(" ")).toList());
        all.sort(java.util.Comparator.comparingInt((String[] words) -> words.length).reversed());
        return List.copyOf(all);
    }
}
