package com.atlassian.confluence.plugins.createcontent.api.events;

import com.atlassian.confluence.pages.Page;
import com.atlassian.confluence.plugins.createcontent.impl.ContentBlueprint;
import com.atlassian.confluence.user.ConfluenceUser;

import java.util.Map;

/**
 * Stand-in for {@code com.atlassian.confluence.plugins.createcontent.api.events.BlueprintPageCreateEvent}
 * ({@code @PublicApi}) from {@code com.atlassian.confluence.plugins:confluence-create-content-plugin}; checked against the decompiled 18.7.17
 * (ngannk-fptu/Decompiled-Files @e0c88ec5, the version bundled with Confluence 8.7/9.1): the event Confluence publishes
 * when a page was created from a blueprint. [U] unchanged in the create-content plugin of Confluence 10.2.
 */
@SuppressWarnings("deprecation")
public class BlueprintPageCreateEvent
        extends com.atlassian.confluence.plugins.createcontent.events.BlueprintPageCreateEvent {

    public BlueprintPageCreateEvent(Object src, Page page, ContentBlueprint blueprint, ConfluenceUser creator,
                                    Map<String, Object> context) {
        super(src, page, blueprint, creator, context);
    }
}
