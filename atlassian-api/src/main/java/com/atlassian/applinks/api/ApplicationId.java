package com.atlassian.applinks.api;

import java.io.Serializable;
import java.util.UUID;

/**
 * Stand-in for {@code com.atlassian.applinks.api.ApplicationId} from {@code com.atlassian.applinks:applinks-api} 10.x
 * (Platform 8: Confluence 10.2); checked against applinks-api 9.1.4 (decompiled, ngannk-fptu/Decompiled-Files @e0c88ec5
 * {@code com.atlassian.applinks_applinks-api-9.1.4}: a serializable value class whose constructor takes a UUID string).
 * The id of an application instance: what the other side's application link to it is called by, and the {@code appId}
 * of Confluence's remote-link global ids ({@code JiraRemoteLinkCreator}: {@code "appId=" + hostApplication.getId().get()}).
 * Only the members Fail Forward (and the preview) call.
 */
public class ApplicationId implements Serializable {

    private static final long serialVersionUID = 8493075922307807008L;

    private final String id;

    /** @throws IllegalArgumentException when {@code id} is null or not a UUID string (as the real constructor) */
    public ApplicationId(String id) {
        if (id == null) {
            throw new IllegalArgumentException("id must not be null");
        }
        UUID.fromString(id);
        this.id = id;
    }

    public String get() {
        return id;
    }
}
