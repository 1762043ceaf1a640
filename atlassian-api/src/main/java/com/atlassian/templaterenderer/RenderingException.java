package com.atlassian.templaterenderer;

/**
 * Stand-in for {@code com.atlassian.templaterenderer.RenderingException} from
 * {@code com.atlassian.templaterenderer:atlassian-template-renderer-api} (Platform 8); checked against 5.0.4
 * (reference/atlassian-api.md §2.4).
 */
public class RenderingException extends RuntimeException {
    public RenderingException(String message, Throwable cause) {
        super(message, cause);
    }

    public RenderingException(String message) {
        super(message);
    }

    public RenderingException(Throwable cause) {
        super(cause);
    }
}
