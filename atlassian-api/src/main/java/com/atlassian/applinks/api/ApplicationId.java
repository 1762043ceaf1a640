package com.atlassian.applinks.api;

/**
 * Stand-in for {@code com.atlassian.applinks.api.ApplicationId} ({@code @PublicApi}, a final value class) from
 * {@code com.atlassian.applinks:applinks-api} 10.x (Platform 8: Confluence 10.2); checked against applinks-api 9.1.4
 * (decompiled, ngannk-fptu/Decompiled-Files {@code com.atlassian.applinks_applinks-api-9.1.4}). The id of an
 * application instance: what the other side's application link to it is called by, and the {@code appId} of
 * Confluence's remote-link global ids ({@code JiraRemoteLinkCreator}: {@code "appId=" + hostApplication.getId().get()}).
 * Only the members Fail Forward (and the preview) call.
 */
public final class ApplicationId {

    private final String id;

    public ApplicationId(String id) {
        this.id = id;
    }

    public String get() {
        return id;
    }
}
