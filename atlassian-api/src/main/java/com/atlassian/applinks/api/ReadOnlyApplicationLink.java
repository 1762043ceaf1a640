package com.atlassian.applinks.api;

import java.net.URI;

/**
 * Stand-in for {@code com.atlassian.applinks.api.ReadOnlyApplicationLink} ({@code @PublicApi}) from
 * {@code com.atlassian.applinks:applinks-api} 10.x (Platform 8: Confluence 10.2, Jira 11.3); checked against applinks-api 9.1.4
 * (decompiled, ngannk-fptu/Decompiled-Files {@code com.atlassian.applinks_applinks-api-9.1.4}; reference/atlassian-api.md §2.10).
 * Only the members Fail Forward calls.
 */
public interface ReadOnlyApplicationLink {
    /**
     * The URL people use to reach the linked application in a browser (e.g. {@code https://jira.example.com}); the
     * base of links to Jira's pages, such as {@code /browse/OPS-42}. May differ from the RPC URL requests use.
     */
    URI getDisplayUrl();

    /**
     * A request factory using the link's default authentication provider (OAuth on Platform 8, Trusted Apps being
     * removed): requests run as the current user.
     */
    ApplicationLinkRequestFactory createAuthenticatedRequestFactory();
}
