package dev.failforward.core.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits free text that people write as a list (criteria, learnings, next steps, 5 whys) into its items. People paste
 * from e-mail, Markdown, Confluence and Jira wiki markup, so an item may open with a bullet ("-", "*", "•", "#"), a
 * number ("1.", "2)", "(3)", "a)") or a task box ("[ ]", "[x]"); all of these are stripped. Headings are not items:
 * a line ending in a colon ("Learnings:") or a Jira wiki heading ("h3. Learnings") is skipped, so a heading never
 * counts towards a minimum number of learnings.
 *
 * <p>Linear in the text length and never throws; {@code null} is no text.
 */
public final class Lines {

    /** Bullets stripped whatever follows them: they never start a value. */
    private static final String ALWAYS_BULLETS = "•◦▪‣·●○■□";

    /** Bullets stripped only before white space: "*" and "#" are Markdown and Jira wiki markup, "-" may be a sign. */
    private static final String SPACED_BULLETS = "-*#+–—";

    private Lines() {
    }

    /** The text's lines, as written, split at any line break (CR, LF, CRLF, NEL, LS, PS); empty for no text. */
    public static List<String> split(String text) {
        List<String> lines = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return lines;
        }
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                lines.add(text.substring(start, i));
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        lines.add(text.substring(start));
        return lines;
    }

    /**
     * The list items of {@code text}: one per line that has a letter or digit once its bullet or number is stripped,
     * trimmed, headings left out.
     */
    public static List<String> items(String text) {
        List<String> items = new ArrayList<>();
        for (String line : split(text)) {
            String item = stripBullet(line);
            if (hasLetterOrDigit(item) && !isHeading(item)) {
                items.add(item);
            }
        }
        return items;
    }

    /**
     * {@code line} trimmed, without its leading bullets, numbering and task box: "- 1. [x] Fix it" becomes "Fix it".
     * Keeps a leading number that is a value ("1.5% errors", "-5 points", "10 patients").
     */
    public static String stripBullet(String line) {
        if (line == null) {
            return "";
        }
        String rest = strip(line);
        // A few rounds cover "- 1. [ ] text" and nested wiki bullets "** text"; each round removes at least one char.
        for (int round = 0; round < 4; round++) {
            String next = strip(stripTaskBox(stripNumbering(stripBullets(rest))));
            if (next.equals(rest)) {
                break;
            }
            rest = next;
        }
        return rest;
    }

    /** True when {@code text} is only white space, including no-break and other Unicode spaces. */
    public static boolean isBlank(String text) {
        return text == null || text.codePoints().allMatch(Lines::isSpace);
    }

    /** {@code text} without leading and trailing white space, including Unicode spaces {@link String#strip()} keeps. */
    public static String strip(String text) {
        if (text == null) {
            return "";
        }
        int start = 0;
        int end = text.length();
        while (start < end && isSpace(text.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    static boolean isSpace(int c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    private static String stripBullets(String text) {
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (ALWAYS_BULLETS.indexOf(c) >= 0) {
                i++;
            } else if (SPACED_BULLETS.indexOf(c) >= 0) {
                // "**" and "*#" are nested wiki bullets: accept a run of them followed by a space.
                int j = i;
                while (j < text.length() && SPACED_BULLETS.indexOf(text.charAt(j)) >= 0) {
                    j++;
                }
                if (j < text.length() && isSpace(text.charAt(j)) && j - i <= 6) {
                    i = j;
                } else {
                    break;
                }
            } else {
                break;
            }
        }
        return strip(text.substring(i));
    }

    /** "1." "12)" "(3)" "a)" "b." followed by white space ("e.g. this" is not numbering: no space after "e."). */
    private static String stripNumbering(String text) {
        int i = 0;
        boolean parenthesised = i < text.length() && text.charAt(i) == '(';
        if (parenthesised) {
            i++;
        }
        int digits = 0;
        while (i < text.length() && digits < 4 && isAsciiDigit(text.charAt(i))) {
            i++;
            digits++;
        }
        if (digits == 0) {
            boolean letter = i < text.length() && text.charAt(i) >= 'a' && text.charAt(i) <= 'z';
            if (!letter) {
                return text;
            }
            i++;
        }
        if (i >= text.length()) {
            return text;
        }
        char end = text.charAt(i);
        boolean closes = parenthesised ? end == ')' : end == '.' || end == ')';
        if (!closes) {
            return text;
        }
        i++;
        if (i < text.length() && !isSpace(text.charAt(i))) {
            return text;
        }
        return strip(text.substring(i));
    }

    private static String stripTaskBox(String text) {
        if (text.length() >= 3 && text.charAt(0) == '[' && text.charAt(2) == ']'
                && " xX✓✔".indexOf(text.charAt(1)) >= 0) {
            return text.substring(3);
        }
        return text;
    }

    private static boolean isHeading(String item) {
        if (item.endsWith(":")) {
            return true;
        }
        return item.length() >= 3 && (item.charAt(0) == 'h' || item.charAt(0) == 'H') && item.charAt(1) >= '1'
                && item.charAt(1) <= '6' && item.charAt(2) == '.';
    }

    private static boolean hasLetterOrDigit(String text) {
        return text.codePoints().anyMatch(Character::isLetterOrDigit);
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
