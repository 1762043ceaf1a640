package com.atlassian.applinks.api;

/**
 * Stand-in for {@code com.atlassian.applinks.api.ApplicationLinkService} from
 * {@code com.atlassian.applinks:applinks-api} 10.x (Platform 8: Confluence 10.2, Jira 11.3); checked against applinks-api 9.1.4
 * (decompiled, ngannk-fptu/Decompiled-Files {@code com.atlassian.applinks_applinks-api-9.1.4}; reference/atlassian-api.md §2.10).
 * Only the member Fail Forward calls.
 */
public interface ApplicationLinkService {
    /** The primary link of the given type (e.g. {@code JiraApplicationType.class}), or null when there is none. */
    ApplicationLink getPrimaryApplicationLink(Class<? extends ApplicationType> type);
}
