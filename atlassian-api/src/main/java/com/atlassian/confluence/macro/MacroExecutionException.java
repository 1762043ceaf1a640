package com.atlassian.confluence.macro;

/**
 * Stand-in for {@code com.atlassian.confluence.macro.MacroExecutionException} from
 * {@code com.atlassian.confluence:confluence} 10.2 (Platform 8); checked against 8.7.2 (reference/atlassian-api.md §2.5).
 */
public class MacroExecutionException extends Exception {
    public MacroExecutionException() {
        super();
    }

    public MacroExecutionException(String message) {
        super(message);
    }

    public MacroExecutionException(String message, Throwable cause) {
        super(message, cause);
    }

    public MacroExecutionException(Throwable cause) {
        super(cause);
    }
}
