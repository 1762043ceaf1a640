package dev.failforward.core.criteria;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits one criterion line into {@link Token tokens} in a single pass (no regular expressions, so no backtracking).
 *
 * <p>Numbers: "1,000" and "10,000.5" (a comma before exactly three digits groups thousands), "3.5", ".5", "2,5" (a
 * comma before one or two digits is a decimal comma). A unit or multiplier written against a number is a separate,
 * {@link Token#attached() attached} word: "2k" is 2 and "k", "300ms" is 300 and "ms".
 *
 * <p>Numeric dates: "2026-12-31" and "2026/12/31" (year first), "31.12.2026" (day first, as in Europe), and
 * "31/12/2026" or "12/31/2026" only when the day cannot be the month; "03/04/2026" is a {@link Token.Kind#BAD_DATE}.
 */
final class Tokenizer {

    private final String s;
    private final int n;
    private final List<Token> tokens = new ArrayList<>();

    private Tokenizer(String line) {
        this.s = line;
        this.n = line.length();
    }

    static List<Token> tokenize(String line) {
        return new Tokenizer(line).run();
    }

    private List<Token> run() {
        int i = 0;
        boolean attached = false;
        while (i < n) {
            int c = s.codePointAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                i += Character.charCount(c);
                attached = false;
                continue;
            }
            if (isDigit(c) || c == '.' && digits(i + 1) > 0 && (i == 0 || !isDigit(s.charAt(i - 1)))) {
                int end = numericDate(i, attached);
                i = end >= 0 ? end : number(i, attached);
            } else if (Character.isLetter(c)) {
                i = word(i, attached);
            } else {
                i = symbol(i, attached);
            }
            attached = true;
        }
        return tokens;
    }

    private int word(int start, boolean attached) {
        int i = start;
        while (i < n) {
            int c = s.codePointAt(i);
            if (Character.isLetterOrDigit(c)) {
                i += Character.charCount(c);
            } else if ((c == '-' || c == '\'' || c == '’' || c == '_') && i + 1 < n
                    && Character.isLetterOrDigit(s.codePointAt(i + 1))) {
                i++;
            } else {
                break;
            }
        }
        tokens.add(Token.word(s, start, i, attached));
        return i;
    }

    private int number(int start, boolean attached) {
        StringBuilder plain = new StringBuilder();
        int i = start;
        int whole = digits(i);
        if (whole == 0) {
            plain.append('0');
        }
        plain.append(s, i, i + whole);
        i += whole;
        boolean grouped = false;
        while (whole > 0 && i < n && s.charAt(i) == ',' && digits(i + 1) == 3) {
            plain.append(s, i + 1, i + 4);
            i += 4;
            grouped = true;
        }
        if (i < n && s.charAt(i) == '.' && digits(i + 1) > 0) {
            int fraction = digits(i + 1);
            plain.append('.').append(s, i + 1, i + 1 + fraction);
            i += 1 + fraction;
        } else if (!grouped && whole > 0 && i < n && s.charAt(i) == ',' && (digits(i + 1) == 1 || digits(i + 1) == 2)) {
            int fraction = digits(i + 1);
            plain.append('.').append(s, i + 1, i + 1 + fraction);
            i += 1 + fraction;
        }
        tokens.add(Token.number(s, start, i, attached, new BigDecimal(plain.toString())));
        return i;
    }

    /** Adds a DATE or BAD_DATE token and returns where it ends, or returns -1 when there is no numeric date here. */
    private int numericDate(int start, boolean attached) {
        int a = digits(start);
        if (a != 1 && a != 2 && a != 4 || start + a >= n) {
            return -1;
        }
        char sep = s.charAt(start + a);
        if (sep != '-' && sep != '/' && sep != '.') {
            return -1;
        }
        int bStart = start + a + 1;
        int b = digits(bStart);
        if (b < 1 || b > 2 || bStart + b >= n || s.charAt(bStart + b) != sep) {
            return -1;
        }
        int cStart = bStart + b + 1;
        int c = digits(cStart);
        boolean yearFirst = a == 4 && (c == 1 || c == 2);
        boolean yearLast = a != 4 && c == 4;
        if (!yearFirst && !yearLast) {
            return -1;
        }
        int first = parse(start, a);
        int second = parse(bStart, b);
        int third = parse(cStart, c);
        LocalDate date;
        if (yearFirst) {
            date = date(first, second, third);
        } else if (sep == '.') {
            date = date(third, second, first);
        } else if (first > 12 || second > 12 || first == second) {
            date = first > 12 ? date(third, second, first) : date(third, first, second);
        } else {
            date = null; // 03/04/2026: 3 April in Europe, March 4 in the US
        }
        int end = cStart + c;
        tokens.add(Token.date(s, start, end, attached, date));
        return end;
    }

    private int symbol(int start, boolean attached) {
        int c = s.codePointAt(start);
        int end = start + Character.charCount(c);
        if (end < n && (c == '<' || c == '>' || c == '=' || c == '!') && s.charAt(end) == '='
                || end < n && c == '=' && (s.charAt(end) == '<' || s.charAt(end) == '>')) {
            end++;
        }
        tokens.add(Token.symbol(s, start, end, attached));
        return end;
    }

    private int digits(int from) {
        int i = from;
        while (i < n && isDigit(s.charAt(i))) {
            i++;
        }
        return i - from;
    }

    private int parse(int from, int length) {
        return Integer.parseInt(s.substring(from, from + length));
    }

    private static LocalDate date(int year, int month, int day) {
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }
}
