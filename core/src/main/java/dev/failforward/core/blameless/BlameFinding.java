package dev.failforward.core.blameless;

import java.util.Comparator;
import java.util.Objects;

/**
 * One blaming phrase, with where it is so an editor can highlight it.
 *
 * @param code          what kind of blame
 * @param start         offset of its first character in the checked text (a UTF-16 index, as in
 *                      {@link String#substring(int, int)})
 * @param end           offset after its last character (exclusive); always greater than {@code start}
 * @param phrase        {@code text.substring(start, end)}, as written ("Anna skipped", "human error")
 * @param messageKey    i18n key of what is wrong, {@link BlameCode#messageKey()}; argument {0} is {@code phrase}
 * @param suggestionKey i18n key of what to write instead, {@link BlameCode#suggestionKey()}
 */
public record BlameFinding(BlameCode code, int start, int end, String phrase, String messageKey,
                           String suggestionKey) {

    /** By position: start, then end, then code. */
    public static final Comparator<BlameFinding> ORDER = Comparator.comparingInt(BlameFinding::start)
            .thenComparingInt(BlameFinding::end).thenComparing(BlameFinding::code);

    public BlameFinding {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(phrase, "phrase");
        Objects.requireNonNull(messageKey, "messageKey");
        Objects.requireNonNull(suggestionKey, "suggestionKey");
        if (start < 0 || end <= start || phrase.length() != end - start) {
            throw new IllegalArgumentException("need 0 <= start < end and a phrase of end - start characters: "
                    + start + "/" + end + "/'" + phrase + "'");
        }
    }

    /** The finding for {@code text.substring(start, end)} with the code's own keys. */
    public static BlameFinding of(BlameCode code, String text, int start, int end) {
        return new BlameFinding(code, start, end, text.substring(start, end), code.messageKey(),
                code.suggestionKey());
    }
}
