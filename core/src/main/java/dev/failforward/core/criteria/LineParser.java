package dev.failforward.core.criteria;

import static dev.failforward.core.criteria.Token.Kind.BAD_DATE;
import static dev.failforward.core.criteria.Token.Kind.DATE;
import static dev.failforward.core.criteria.Token.Kind.SYMBOL;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads one criterion line. In order: dates are found and set aside (so "31 Dec 2026" is not the number 31); then the
 * first comparing phrase followed by a number ("below 1%", "&gt; 300 ms", "drops by at least 2 points") makes a metric
 * or, when the metric is money spent, a budget; then a number followed by a comparing phrase ("40 or more"); then
 * "zero X"; then a budget word with an amount and no comparison ("budget 5,000 EUR"); and last a date alone makes a
 * deadline. A line matching none of these is not a criterion.
 *
 * <p>The metric is the text before the comparison, without openings ("Stop if", "We") and verbs ("stays", "must
 * be"); when nothing is left, it is the words after the number ("fewer than 3 <i>sev-1 incidents</i> per quarter").
 */
final class LineParser {

    /** "within" often opens a time window ("within 30 days, churn…"), so it is used only when nothing else compares. */
    private record Candidate(int start, Comparator comparator, String change, Amount amount) {
    }

    /** A number with its multiplier and currency: tokens [start, end). */
    private record Amount(int start, int end, BigDecimal value, String currency) {
    }

    /** Tokens [from, to); {@code change} is "increase"/"decrease" when a change verb before "by" was stripped. */
    private record Range(int from, int to, String change) {
    }

    /** A unit or rate and the token index after it. */
    private record Found(String text, int end) {
    }

    /** Words before "budget" that make it no money: "error budget", "time budget". */
    private static final Set<String> NOT_MONEY = Set.of("error", "time", "risk", "latency", "performance", "carbon",
            "attention", "energy", "calorie", "pain", "complexity");

    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1_000);
    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);
    private static final BigDecimal BILLION = BigDecimal.valueOf(1_000_000_000);

    private final String line;
    private final List<Token> t;
    private final boolean[] masked;
    private LocalDate date;
    private int contentStart;

    private LineParser(String line) {
        this.line = line;
        this.t = Tokenizer.tokenize(line);
        this.masked = new boolean[t.size()];
    }

    /** The criterion {@code line} states, or empty when it states none. {@code line} is trimmed and not blank. */
    static Optional<Criterion> parse(String line) {
        return new LineParser(line).run();
    }

    private Optional<Criterion> run() {
        findDates();
        contentStart = skipCues(skipLabel());
        Optional<Criterion> found = comparison();
        if (found.isEmpty()) {
            found = postfix();
        }
        if (found.isEmpty()) {
            found = zero();
        }
        if (found.isEmpty()) {
            found = implicitBudget();
        }
        if (found.isEmpty() && date != null) {
            found = Optional.of(new DeadlineCriterion(line, date));
        }
        return found;
    }

    // ---------------------------------------------------------------- the four shapes

    private Optional<Criterion> comparison() {
        Candidate weak = null;
        for (int i = contentStart; i < t.size(); i++) {
            if (masked[i]) {
                continue;
            }
            for (Words.Phrase phrase : Words.COMPARATORS) {
                if (!matches(i, phrase.words())) {
                    continue;
                }
                int j = i + phrase.length();
                Comparator comparator = phrase.comparator();
                if (phrase.change() != null) {
                    Words.Phrase inner = plainComparatorAt(j);
                    if (inner != null && amount(j + inner.length(), true, true) != null) {
                        comparator = inner.comparator();
                        j += inner.length();
                    }
                }
                Amount amount = amount(j, true, true);
                if (amount == null) {
                    continue;
                }
                Candidate candidate = new Candidate(i, comparator, phrase.change(), amount);
                if (phrase.weak()) {
                    weak = weak == null ? candidate : weak;
                    break;
                }
                Optional<Criterion> built = build(candidate);
                if (built.isPresent()) {
                    return built;
                }
                break;
            }
        }
        return weak == null ? Optional.empty() : build(weak);
    }

    private Optional<Criterion> postfix() {
        for (int k = contentStart; k < t.size(); k++) {
            Amount amount = masked[k] ? null : amount(k, false, true);
            if (amount == null) {
                continue;
            }
            int p = amount.end();
            Found unit = unit(p);
            int q = unit == null ? p : unit.end();
            Comparator comparator = null;
            if (attachedSymbol(p, "+") || attachedSymbol(q, "+")) {
                comparator = Comparator.GE;
            } else {
                Words.Phrase post = postfixAt(q);
                comparator = post == null ? null : post.comparator();
            }
            if (comparator != null) {
                Optional<Criterion> built = build(new Candidate(k, comparator, null, amount));
                if (built.isPresent()) {
                    return built;
                }
            }
            k = amount.end() - 1;
        }
        return Optional.empty();
    }

    /** "Zero patient falls", "0 sev-1 incidents": equal to zero. */
    private Optional<Criterion> zero() {
        int k = contentStart;
        if (k >= t.size() || masked[k]) {
            return Optional.empty();
        }
        boolean isZero = t.get(k).isWord("zero") || t.get(k).isNumber() && t.get(k).number().signum() == 0;
        Amount amount = isZero ? amount(k, false, true) : null;
        return amount == null ? Optional.empty() : build(new Candidate(k, Comparator.EQ, null, amount));
    }

    /** "Budget 5,000 EUR", "Budget: €5k": a spending cap without a comparing word. */
    private Optional<Criterion> implicitBudget() {
        boolean mentionsBudget = false;
        for (int i = 0; i < t.size(); i++) {
            mentionsBudget |= !masked[i] && isMoneyWord(i);
        }
        if (!mentionsBudget) {
            return Optional.empty();
        }
        for (int k = 0; k < t.size(); k++) {
            Amount amount = masked[k] ? null : amount(k, false, false);
            if (amount == null) {
                continue;
            }
            if (unit(amount.end()) == null && rate(amount.end()) == null && amount.value().signum() >= 0) {
                return Optional.of(new BudgetCriterion(line, amount.value(), amount.currency()));
            }
            k = amount.end() - 1;
        }
        return Optional.empty();
    }

    private Optional<Criterion> build(Candidate candidate) {
        Amount amount = candidate.amount();
        Range before = metricBefore(contentStart, candidate.start(), isPositional(candidate.start()));
        int p = amount.end();
        if (attachedSymbol(p, "+")) {
            p++;
        }
        Found unit = unit(p);
        if (unit != null) {
            p = unit.end();
        }
        if (attachedSymbol(p, "+")) {
            p++;
        }
        Words.Phrase post = postfixAt(p);
        if (post != null) {
            p += post.length();
        }
        Range metric = before;
        if (metric == null) {
            metric = metricAfter(p);
            if (metric == null) {
                return Optional.empty();
            }
            p = metric.to();
        }
        Found rate = rate(p);
        String change = candidate.change() != null ? candidate.change() : metric.change();
        if (change == null && unit == null && rate == null && amount.value().signum() >= 0 && isMoney(metric)) {
            return Optional.of(new BudgetCriterion(line, amount.value(), amount.currency()));
        }
        String name = text(metric) + (change == null ? "" : " " + change);
        String unitText = join(amount.currency(), unit == null ? null : unit.text(), rate == null ? null : rate.text());
        return Optional.of(new MetricCriterion(line, name, candidate.comparator(), amount.value(), unitText));
    }

    // ---------------------------------------------------------------- metric

    /**
     * The metric in tokens [from, to), without trailing verbs and without a clause before a comma ("Over 30 days,
     * churn"). A verb of movement ("falls", "drops") is stripped only before "by" or a {@code positional} comparison
     * ("churn falls below 3%"): before "fewer than" it is a noun ("patient falls fewer than 2").
     */
    private Range metricBefore(int from, int to, boolean positional) {
        int end = to;
        String change = null;
        boolean by = false;
        while (end > from) {
            Token k = t.get(end - 1);
            boolean movement = k.isWord() && Words.CHANGE_VERBS.containsKey(k.lower());
            if (masked[end - 1] || k.kind() == SYMBOL && !k.text().equals(")")) {
                end--;
            } else if (k.isWord() && Words.TRAILING.contains(k.lower()) && (!movement || by || positional)) {
                if (k.lower().equals("by")) {
                    by = true;
                } else if (by && change == null) {
                    change = Words.CHANGE_VERBS.get(k.lower());
                }
                end--;
            } else {
                break;
            }
        }
        int start = from;
        for (int i = end - 1; i > from; i--) {
            if (isSymbol(i, ",") || isSymbol(i, ";")) {
                start = i + 1;
                break;
            }
        }
        while (start < end && (masked[start] || t.get(start).kind() == SYMBOL && !t.get(start).text().equals("("))) {
            start++;
        }
        for (int i = start; i < end; i++) {
            if (t.get(i).isWord()) {
                return new Range(start, end, change);
            }
        }
        return null;
    }

    /** "below", "above", "under", "over": comparisons that read as a position a value moves to. */
    private boolean isPositional(int comparison) {
        return comparison < t.size() && Words.POSITIONAL.contains(t.get(comparison).lower());
    }

    private Range metricAfter(int from) {
        int i = from;
        while (i < t.size() && !masked[i] && (t.get(i).isWord("of") || t.get(i).isWord("the"))) {
            i++;
        }
        int start = i;
        while (i < t.size() && !masked[i]) {
            Token k = t.get(i);
            boolean word = k.isWord() && !Words.METRIC_STOPS.contains(k.lower());
            boolean joiner = k.kind() == SYMBOL && (k.text().equals("-") || k.text().equals("/")) && k.attached()
                    && i + 1 < t.size() && t.get(i + 1).isWord() && t.get(i + 1).attached() && i > start;
            if (!word && !joiner) {
                break;
            }
            i++;
        }
        return i > start ? new Range(start, i, null) : null;
    }

    private boolean isMoney(Range metric) {
        for (int i = metric.from(); i < metric.to(); i++) {
            if (t.get(i).isWord("per")) {
                return false;
            }
        }
        for (int i = metric.from(); i < metric.to(); i++) {
            if (isMoneyWord(i)) {
                return true;
            }
        }
        return false;
    }

    private boolean isMoneyWord(int i) {
        Token k = t.get(i);
        return k.isWord() && Words.BUDGET_WORDS.contains(k.lower())
                && !(i > 0 && t.get(i - 1).isWord() && NOT_MONEY.contains(t.get(i - 1).lower()));
    }

    // ---------------------------------------------------------------- amounts, units, rates

    /**
     * The amount at {@code p}: [currency] [-] number [k|M|thousand…] [currency]. A sign only after a comparison
     * ({@code signed}), number words ("three") only where a number must follow.
     */
    private Amount amount(int p, boolean signed, boolean numberWords) {
        int i = p;
        String currency = null;
        if (i < t.size() && !masked[i]) {
            Token k = t.get(i);
            if (k.kind() == SYMBOL && Words.CURRENCY_SYMBOLS.containsKey(k.text())) {
                currency = Words.CURRENCY_SYMBOLS.get(k.text());
                i++;
            } else if (k.isWord() && k.lower().length() == 3 && Words.CURRENCY_WORDS.containsKey(k.lower())
                    && i + 1 < t.size() && t.get(i + 1).isNumber()) {
                currency = Words.CURRENCY_WORDS.get(k.lower());
                i++;
            }
        }
        boolean negative = false;
        if (signed && i + 1 < t.size() && (isSymbol(i, "-") || isSymbol(i, "−")) && t.get(i + 1).isNumber()
                && t.get(i + 1).attached()) {
            negative = true;
            i++;
        }
        if (i >= t.size() || masked[i]) {
            return null;
        }
        Token number = t.get(i);
        BigDecimal value;
        if (number.isNumber()) {
            value = number.number();
        } else if (numberWords && currency == null && !negative && number.isWord()
                && Words.NUMBER_WORDS.containsKey(number.lower())) {
            value = Words.NUMBER_WORDS.get(number.lower());
        } else {
            return null;
        }
        i++;
        if (i < t.size() && !masked[i] && t.get(i).isWord()) {
            BigDecimal factor = multiplier(t.get(i), number.isNumber(), currency != null);
            if (factor != null) {
                value = value.multiply(factor);
                i++;
            }
        }
        if (currency == null && i < t.size() && !masked[i]) {
            Token k = t.get(i);
            if (k.kind() == SYMBOL && Words.CURRENCY_SYMBOLS.containsKey(k.text())) {
                currency = Words.CURRENCY_SYMBOLS.get(k.text());
                i++;
            } else if (k.isWord() && Words.CURRENCY_WORDS.containsKey(k.lower())) {
                currency = Words.CURRENCY_WORDS.get(k.lower());
                i++;
            }
        }
        return new Amount(p, i, normalize(negative ? value.negate() : value), currency);
    }

    /** "2k", "1.5M", "€2m" (with a currency "m" is million, without it is a unit), "3 thousand". */
    private static BigDecimal multiplier(Token word, boolean afterDigits, boolean money) {
        if (word.attached() && afterDigits) {
            return switch (word.text()) {
                case "k", "K" -> THOUSAND;
                case "M", "mn", "Mn", "MN" -> MILLION;
                case "bn", "Bn", "BN" -> BILLION;
                case "m" -> money ? MILLION : null;
                case "b", "B" -> money ? BILLION : null;
                default -> null;
            };
        }
        return word.attached() ? null : Words.MULTIPLIER_WORDS.get(word.lower());
    }

    private Found unit(int p) {
        if (p + 1 < t.size() && !masked[p] && !masked[p + 1]) {
            String unit = Words.UNITS.get(t.get(p).lower() + " " + t.get(p + 1).lower());
            if (unit != null) {
                return new Found(unit, p + 2);
            }
        }
        if (p < t.size() && !masked[p]) {
            String unit = Words.UNITS.get(t.get(p).lower());
            if (unit != null && (t.get(p).isWord() || t.get(p).kind() == SYMBOL)) {
                return new Found(unit, p + 1);
            }
        }
        return null;
    }

    /** "per month", "per 1,000 bed days", "/week", "a month", "per employee per year". */
    private Found rate(int from) {
        List<String> parts = new ArrayList<>();
        int i = from;
        for (int round = 0; round < 3 && i < t.size() && !masked[i]; round++) {
            if (t.get(i).isWord("per")) {
                int j = i + 1;
                if (j < t.size() && !masked[j] && t.get(j).isNumber()) {
                    j++;
                }
                int words = 0;
                while (j < t.size() && words < 2 && !masked[j] && t.get(j).isWord()
                        && !Words.METRIC_STOPS.contains(t.get(j).lower())) {
                    j++;
                    words++;
                }
                if (words == 0) {
                    break;
                }
                parts.add("per " + line.substring(t.get(i + 1).start(), t.get(j - 1).end()).toLowerCase(Locale.ROOT));
                i = j;
            } else if (i + 1 < t.size() && !masked[i + 1] && t.get(i + 1).isWord() && (isSymbol(i, "/")
                    || t.get(i).isWord() && Words.RATE_WORDS.contains(t.get(i).lower()))
                    && Words.PERIODS.contains(t.get(i + 1).lower())) {
                parts.add("per " + t.get(i + 1).lower());
                i += 2;
            } else {
                break;
            }
        }
        return parts.isEmpty() ? null : new Found(String.join(" ", parts), i);
    }

    // ---------------------------------------------------------------- dates

    private void findDates() {
        int i = 0;
        while (i < t.size()) {
            Token k = t.get(i);
            int end = -1;
            if (k.kind() == DATE || k.kind() == BAD_DATE) {
                note(k.date());
                end = i + 1;
            } else if (k.isPlainInteger(1, 2)) {
                end = dayMonthYear(i);
            } else if (k.isWord() && Words.MONTHS.containsKey(k.lower())) {
                end = monthDayYear(i);
            } else if (k.isWord() && k.lower().length() == 2 && (k.lower().charAt(0) == 'q' || k.lower().charAt(0) == 'h')) {
                end = periodYear(i);
            }
            if (end > i) {
                for (int m = i; m < end; m++) {
                    masked[m] = true;
                }
                i = end;
            } else {
                i++;
            }
        }
    }

    /** "31 Dec 2026", "31st of December, 2026", "1 Mar. 2027". */
    private int dayMonthYear(int i) {
        int day = t.get(i).number().intValue();
        int p = i + 1;
        if (p < t.size() && t.get(p).attached() && Words.ORDINAL_SUFFIXES.contains(t.get(p).lower())) {
            p++;
        }
        if (isWord(p, "of")) {
            p++;
        }
        if (p >= t.size() || !t.get(p).isWord() || !Words.MONTHS.containsKey(t.get(p).lower())) {
            return -1;
        }
        int month = Words.MONTHS.get(t.get(p).lower());
        p = skipSymbols(p + 1);
        if (!isYear(p)) {
            return -1;
        }
        note(date(year(p), month, day));
        return p + 1;
    }

    /** "Dec 31, 2026", "December 31st 2026", or without a day "June 2026" (the month's last day). */
    private int monthDayYear(int i) {
        int month = Words.MONTHS.get(t.get(i).lower());
        int p = i + 1;
        if (isSymbol(p, ".")) {
            p++;
        }
        if (p < t.size() && t.get(p).isPlainInteger(1, 2)) {
            int day = t.get(p).number().intValue();
            p++;
            if (p < t.size() && t.get(p).attached() && Words.ORDINAL_SUFFIXES.contains(t.get(p).lower())) {
                p++;
            }
            p = skipSymbols(p);
            if (!isYear(p)) {
                return -1;
            }
            note(date(year(p), month, day));
            return p + 1;
        }
        if (!isYear(p)) {
            return -1;
        }
        note(YearMonth.of(year(p), month).atEndOfMonth());
        return p + 1;
    }

    /** "Q3 2026" (30 September 2026), "H1 2027" (30 June 2027). */
    private int periodYear(int i) {
        String word = t.get(i).lower();
        int n = word.charAt(1) - '0';
        boolean quarter = word.charAt(0) == 'q';
        if (n < 1 || n > (quarter ? 4 : 2) || !isYear(i + 1)) {
            return -1;
        }
        note(YearMonth.of(year(i + 1), quarter ? n * 3 : n * 6).atEndOfMonth());
        return i + 2;
    }

    private int skipSymbols(int p) {
        int i = p;
        while (i < t.size() && (isSymbol(i, ".") || isSymbol(i, ","))) {
            i++;
        }
        return i;
    }

    private boolean isYear(int p) {
        return p < t.size() && t.get(p).isPlainInteger(4, 4) && year(p) >= 1900 && year(p) <= 2999;
    }

    private int year(int p) {
        return t.get(p).number().intValue();
    }

    /** Keeps the first valid date; an invalid one ({@code null}) is set aside but makes no deadline. */
    private void note(LocalDate found) {
        if (date == null && found != null) {
            date = found;
        }
    }

    private static LocalDate date(int year, int month, int day) {
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return null;
        }
    }

    // ---------------------------------------------------------------- openings

    /** After "Success criterion:" or "Stop:", else 0. */
    private int skipLabel() {
        for (int i = 0; i < Math.min(t.size(), 5); i++) {
            if (isSymbol(i, ":") || isSymbol(i, "-") && !t.get(i).attached()) {
                return i > 0 ? i + 1 : 0;
            }
            if (masked[i] || !t.get(i).isWord() || !Words.LABELS.contains(t.get(i).lower())) {
                return 0;
            }
        }
        return 0;
    }

    private int skipCues(int from) {
        int i = from;
        boolean stripped = true;
        while (stripped) {
            stripped = false;
            for (String[] cue : Words.CUES) {
                if (matches(i, cue)) {
                    i += cue.length;
                    stripped = true;
                    break;
                }
            }
        }
        return i;
    }

    // ---------------------------------------------------------------- matching

    private Words.Phrase plainComparatorAt(int p) {
        for (Words.Phrase phrase : Words.COMPARATORS) {
            if (phrase.change() == null && !phrase.weak() && matches(p, phrase.words())) {
                return phrase;
            }
        }
        return null;
    }

    private Words.Phrase postfixAt(int p) {
        for (Words.Phrase phrase : Words.POSTFIX) {
            if (matches(p, phrase.words())) {
                return phrase;
            }
        }
        return null;
    }

    private boolean matches(int i, String[] words) {
        if (i + words.length > t.size()) {
            return false;
        }
        for (int k = 0; k < words.length; k++) {
            if (masked[i + k] || !t.get(i + k).lower().equals(words[k])) {
                return false;
            }
        }
        return true;
    }

    private boolean isSymbol(int i, String symbol) {
        return i < t.size() && !masked[i] && t.get(i).isSymbol(symbol);
    }

    private boolean attachedSymbol(int i, String symbol) {
        return isSymbol(i, symbol) && t.get(i).attached();
    }

    private boolean isWord(int i, String word) {
        return i < t.size() && !masked[i] && t.get(i).isWord(word);
    }

    private String text(Range range) {
        String text = line.substring(t.get(range.from()).start(), t.get(range.to() - 1).end());
        StringBuilder folded = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = true;
            } else {
                if (space) {
                    folded.append(' ');
                }
                folded.append(c);
                space = false;
            }
        }
        return folded.toString();
    }

    private static String join(String... parts) {
        StringBuilder joined = new StringBuilder();
        for (String part : parts) {
            if (part != null) {
                joined.append(joined.length() == 0 ? "" : " ").append(part);
            }
        }
        return joined.length() == 0 ? null : joined.toString();
    }

    /** 3.50 → 3.5, 2k → 2000 (not 2E+3). */
    static BigDecimal normalize(BigDecimal value) {
        if (value.signum() == 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
