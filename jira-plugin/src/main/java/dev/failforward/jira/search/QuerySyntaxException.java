package dev.failforward.jira.search;

/**
 * The search text could not be parsed; REST answers 400 naming the field {@code query} and the 0-based character
 * {@link #position()} where parsing failed (or -1 when unknown).
 */
public final class QuerySyntaxException extends RuntimeException {

    private final int position;

    public QuerySyntaxException(String message, int position) {
        super(message);
        this.position = position;
    }

    public int position() {
        return position;
    }
}
