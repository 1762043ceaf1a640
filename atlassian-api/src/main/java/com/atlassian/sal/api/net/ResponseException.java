package com.atlassian.sal.api.net;

/**
 * Stand-in for {@code com.atlassian.sal.api.net.ResponseException} from
 * {@code com.atlassian.sal:sal-api} 7.x (Platform 8: Confluence 10.2, Jira 11.3); checked against sal-api 5.1.4
 * (decompiled, ngannk-fptu/Decompiled-Files {@code com.atlassian.sal_sal-api-5.1.4}; reference/atlassian-api.md §2.10):
 * the request could not be sent or its response not read (connection refused, timeout, ...).
 */
public class ResponseException extends Exception {
    public ResponseException() {
    }

    public ResponseException(String message, Throwable cause) {
        super(message, cause);
    }

    public ResponseException(String message) {
        super(message);
    }

    public ResponseException(Throwable cause) {
        super(cause);
    }
}
