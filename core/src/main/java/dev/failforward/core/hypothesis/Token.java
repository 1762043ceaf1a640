package dev.failforward.core.hypothesis;

/**
 * One word or number of the text.
 *
 * @param start         offset of its first character in the original text
 * @param end           offset after its last character
 * @param word          the characters lower-cased one by one (so the length matches the original), with typographic
 *                      apostrophes made plain
 * @param sentenceStart whether it is the first word of a sentence
 * @param lineStart     whether nothing but spaces and punctuation stands between it and the previous line break
 */
record Token(int start, int end, String word, boolean sentenceStart, boolean lineStart) {

    boolean is(String other) {
        return word.equals(other);
    }

    /** A figure such as "15", "4.5", "1,000", "2x" or "10k", but not an ordinal such as "2nd". */
    boolean isNumeral() {
        return Character.isDigit(word.charAt(0)) && !isOrdinal();
    }

    /** A four-digit year from 1900 to 2099, the kind that dates an outcome rather than measuring it. */
    boolean isYear() {
        return word.length() == 4 && (word.startsWith("19") || word.startsWith("20"))
                && word.chars().allMatch(Character::isDigit);
    }

    private boolean isOrdinal() {
        int letters = word.length() - 2;
        if (letters < 1) {
            return false;
        }
        String suffix = word.substring(letters);
        boolean digitsBefore = word.substring(0, letters).chars().allMatch(Character::isDigit);
        return digitsBefore && switch (suffix) {
            case "st", "nd", "rd", "th" -> true;
            default -> false;
        };
    }
}
