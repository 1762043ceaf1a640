package com.atlassian.sal.api.net;

/**
 * Stand-in for {@code com.atlassian.sal.api.net.ReturningResponseHandler} from
 * {@code com.atlassian.sal:sal-api} 7.x (Platform 8: Confluence 10.2, Jira 11.3); checked against sal-api 5.1.4
 * (decompiled, ngannk-fptu/Decompiled-Files {@code com.atlassian.sal_sal-api-5.1.4}; reference/atlassian-api.md §2.10).
 */
public interface ReturningResponseHandler<T extends Response, R> {
    R handle(T response) throws ResponseException;
}
