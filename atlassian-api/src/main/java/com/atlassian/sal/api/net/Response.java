package com.atlassian.sal.api.net;

/**
 * Stand-in for {@code com.atlassian.sal.api.net.Response} from
 * {@code com.atlassian.sal:sal-api} 7.x (Platform 8: Confluence 10.2, Jira 11.3); checked against sal-api 5.1.4
 * (decompiled, ngannk-fptu/Decompiled-Files {@code com.atlassian.sal_sal-api-5.1.4}; reference/atlassian-api.md §2.10).
 * Only the members Fail Forward calls.
 */
public interface Response {
    int getStatusCode();

    String getResponseBodyAsString() throws ResponseException;
}
