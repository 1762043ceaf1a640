package com.atlassian.applinks.api.application.confluence;

import com.atlassian.applinks.api.ApplicationType;

/**
 * Stand-in for {@code com.atlassian.applinks.api.application.confluence.ConfluenceApplicationType} from
 * {@code com.atlassian.applinks:applinks-api} 10.x (Platform 8: Jira 11.3); checked against applinks-api 9.1.4
 * (decompiled, ngannk-fptu/Decompiled-Files {@code com.atlassian.applinks_applinks-api-9.1.4}) and Jira's own use in
 * {@code com.atlassian.jira.plugin.link.confluence} ({@code getPrimaryApplicationLink(ConfluenceApplicationType.class)}):
 * the marker type of Confluence links.
 */
public interface ConfluenceApplicationType extends ApplicationType {
}
