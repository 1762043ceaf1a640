package com.atlassian.applinks.host.spi;

import com.atlassian.applinks.api.ApplicationId;

/**
 * Stand-in for {@code com.atlassian.applinks.host.spi.HostApplication} from {@code com.atlassian.applinks:applinks-host}
 * (the SPI each product implements; Platform 8: Confluence 10.2); checked against applinks-host 9.1.4 (decompiled,
 * ngannk-fptu/Decompiled-Files @e0c88ec5 {@code com.atlassian.applinks_applinks-host-9.1.4}: {@code ApplicationId getId()},
 * {@code URI getBaseUrl()}). Used as Confluence's own Jira plugin calls it
 * ({@code com.atlassian.confluence.plugins.jira.JiraRemoteLinkCreator}: {@code hostApplication.getId().get()} builds the
 * {@code appId} of a page's remote-link global id). [U] that the package is exported to third-party plugins on 10.2:
 * Atlassian's bundled plugins import it. Only the member Fail Forward calls.
 */
public interface HostApplication {

    /** This application's own id: the id Jira's application link to this Confluence has. */
    ApplicationId getId();
}
