package com.atlassian.applinks.api;

import com.atlassian.sal.api.net.Request;
import com.atlassian.sal.api.net.Response;
import com.atlassian.sal.api.net.ResponseException;

/**
 * Stand-in for {@code com.atlassian.applinks.api.ApplicationLinkRequest} from
 * {@code com.atlassian.applinks:applinks-api} 10.x (Platform 8: Confluence 10.2, Jira 11.3); checked against applinks-api 9.1.4
 * (decompiled, ngannk-fptu/Decompiled-Files {@code com.atlassian.applinks_applinks-api-9.1.4}; reference/atlassian-api.md §2.10).
 */
public interface ApplicationLinkRequest extends Request<ApplicationLinkRequest, Response> {
    /**
     * Executes the request; the handler's {@code credentialsRequired} is called instead of {@code handle} when the
     * remote application asks the user to authorise the link.
     */
    <R> R execute(ApplicationLinkResponseHandler<R> responseHandler) throws ResponseException;
}
