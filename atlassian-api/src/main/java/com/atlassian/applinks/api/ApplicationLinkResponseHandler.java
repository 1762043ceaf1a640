package com.atlassian.applinks.api;

import com.atlassian.sal.api.net.Response;
import com.atlassian.sal.api.net.ResponseException;
import com.atlassian.sal.api.net.ReturningResponseHandler;

/**
 * Stand-in for {@code com.atlassian.applinks.api.ApplicationLinkResponseHandler} from
 * {@code com.atlassian.applinks:applinks-api} 10.x (Platform 8: Confluence 10.2, Jira 11.3); checked against applinks-api 9.1.4
 * (decompiled, ngannk-fptu/Decompiled-Files {@code com.atlassian.applinks_applinks-api-9.1.4}; reference/atlassian-api.md §2.10).
 */
public interface ApplicationLinkResponseHandler<R> extends ReturningResponseHandler<Response, R> {
    /** Called (instead of {@code handle}) when the caller has to authorise the link first. */
    R credentialsRequired(Response response) throws ResponseException;
}
