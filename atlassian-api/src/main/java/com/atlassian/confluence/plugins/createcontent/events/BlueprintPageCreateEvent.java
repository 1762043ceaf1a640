package com.atlassian.confluence.plugins.createcontent.events;

import com.atlassian.confluence.event.events.content.page.PageEvent;
import com.atlassian.confluence.pages.Page;
import com.atlassian.confluence.plugins.createcontent.impl.ContentBlueprint;
import com.atlassian.confluence.user.ConfluenceUser;

import java.util.Map;

/**
 * Stand-in for {@code com.atlassian.confluence.plugins.createcontent.events.BlueprintPageCreateEvent} (deprecated), the
 * superclass of the public {@code api.events} one, from
 * {@code com.atlassian.confluence.plugins:confluence-create-content-plugin}; checked against the decompiled
 * 18.7.17 (ngannk-fptu/Decompiled-Files @e0c88ec5): it extends {@code PageEvent} and implements {@code Created}; its
 * context is the page-creation context (the wizard's fields by name, and what the blueprint's context provider put).
 * Only the members Fail Forward and the preview call.
 */
@Deprecated
public class BlueprintPageCreateEvent extends PageEvent {

    private final Map<String, Object> context;

    public BlueprintPageCreateEvent(Object src, Page page, ContentBlueprint blueprint, ConfluenceUser creator,
                                    Map<String, Object> context) {
        super(src, page);
        this.context = context;
    }

    public Map<String, Object> getContext() {
        return context;
    }
}
