package com.atlassian.sal.api.net;

/**
 * Stand-in for {@code com.atlassian.sal.api.net.ResponseTimeoutException} from
 * {@code com.atlassian.sal:sal-api} 7.x (Platform 8: Confluence 10.2, Jira 11.3); checked against sal-api 5.1.4
 * (decompiled, ngannk-fptu/Decompiled-Files {@code com.atlassian.sal_sal-api-5.1.4}; reference/atlassian-api.md §2.10):
 * the connect or read timeout ran out (its sub-classes {@code ResponseConnectTimeoutException} and
 * {@code ResponseReadTimeoutException} are not mirrored).
 */
public class ResponseTimeoutException extends ResponseException {
    public ResponseTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }

    public ResponseTimeoutException(String message) {
        super(message);
    }

    public ResponseTimeoutException(Throwable cause) {
        super(cause);
    }
}
