package dev.failforward.core.importing;

/** What every importer checks of a file's text before it reads it. */
public final class ImportText {

    private ImportText() {
    }

    /**
     * Whether the text is a binary file read as text: a NUL character, over 5 % control characters, or over 2 % (and
     * more than 16) U+FFFD replacement characters in the first 8 KB.
     */
    public static boolean looksBinary(String content) {
        int n = Math.min(content.length(), 8192);
        int control = 0;
        int replaced = 0;
        for (int i = 0; i < n; i++) {
            char c = content.charAt(i);
            if (c == 0) {
                return true;
            }
            if (c < 32 && c != '\n' && c != '\r' && c != '\t' && c != '\f') {
                control++;
            }
            if (c == '\uFFFD') {
                replaced++;
            }
        }
        return control * 20 > n || replaced > 16 && replaced * 50 > n;
    }
}
