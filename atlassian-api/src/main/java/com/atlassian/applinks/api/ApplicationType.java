package com.atlassian.applinks.api;

/**
 * Stand-in for {@code com.atlassian.applinks.api.ApplicationType} ({@code @PublicSpi}) from
 * {@code com.atlassian.applinks:applinks-api} 10.x (Platform 8: Confluence 10.2, Jira 11.3); checked against applinks-api 9.1.4
 * (decompiled, ngannk-fptu/Decompiled-Files {@code com.atlassian.applinks_applinks-api-9.1.4}; reference/atlassian-api.md §2.10).
 * Fail Forward only names its sub-types' class literals, so none of its members are mirrored.
 */
public interface ApplicationType {
}
