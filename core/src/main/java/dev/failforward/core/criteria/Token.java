package dev.failforward.core.criteria;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;

/**
 * A word, number, date or symbol of one criterion line.
 *
 * @param text     as written
 * @param lower    lower case, with typographic apostrophes made plain, for matching words
 * @param start    offset of the first character in the line
 * @param end      offset after the last character
 * @param attached no white space between this token and the one before ("2k", "300ms", "$5")
 * @param number   the value of a NUMBER, else {@code null}
 * @param date     the date of a DATE, else {@code null}
 */
record Token(Kind kind, String text, String lower, int start, int end, boolean attached, BigDecimal number,
             LocalDate date) {

    enum Kind {
        WORD,
        NUMBER,
        /** A complete numeric date: "2026-12-31", "31.12.2026", "31/12/2026". */
        DATE,
        /** Looks like a date but is none, or could be two: "2026-02-30", "03/04/2026". */
        BAD_DATE,
        SYMBOL
    }

    static Token word(String line, int start, int end, boolean attached) {
        String text = line.substring(start, end);
        return new Token(Kind.WORD, text, text.toLowerCase(Locale.ROOT).replace('’', '\''), start, end, attached,
                null, null);
    }

    static Token number(String line, int start, int end, boolean attached, BigDecimal value) {
        String text = line.substring(start, end);
        return new Token(Kind.NUMBER, text, text, start, end, attached, value, null);
    }

    static Token date(String line, int start, int end, boolean attached, LocalDate date) {
        String text = line.substring(start, end);
        return new Token(date == null ? Kind.BAD_DATE : Kind.DATE, text, text, start, end, attached, null, date);
    }

    static Token symbol(String line, int start, int end, boolean attached) {
        String text = line.substring(start, end);
        return new Token(Kind.SYMBOL, text, text, start, end, attached, null, null);
    }

    boolean isWord() {
        return kind == Kind.WORD;
    }

    boolean isNumber() {
        return kind == Kind.NUMBER;
    }

    boolean isWord(String word) {
        return kind == Kind.WORD && lower.equals(word);
    }

    boolean isSymbol(String symbol) {
        return kind == Kind.SYMBOL && text.equals(symbol);
    }

    /** Plain digits without separators or decimals, e.g. a day or a year. */
    boolean isPlainInteger(int minDigits, int maxDigits) {
        if (kind != Kind.NUMBER || text.length() < minDigits || text.length() > maxDigits) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
