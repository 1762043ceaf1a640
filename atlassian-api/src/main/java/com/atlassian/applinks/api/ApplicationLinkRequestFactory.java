package com.atlassian.applinks.api;

import com.atlassian.sal.api.net.Request;

/**
 * Stand-in for {@code com.atlassian.applinks.api.ApplicationLinkRequestFactory} from
 * {@code com.atlassian.applinks:applinks-api} 10.x (Platform 8: Confluence 10.2, Jira 11.3); checked against applinks-api 9.1.4
 * (decompiled, ngannk-fptu/Decompiled-Files {@code com.atlassian.applinks_applinks-api-9.1.4}; reference/atlassian-api.md §2.10).
 */
public interface ApplicationLinkRequestFactory extends AuthorisationURIGenerator {
    /**
     * @param url relative to the link's RPC URL ({@code /rest/...}) or absolute
     * @throws CredentialsRequiredException when the current user has not authorised the link yet
     */
    ApplicationLinkRequest createRequest(Request.MethodType method, String url) throws CredentialsRequiredException;
}
