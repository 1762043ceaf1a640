package com.atlassian.confluence.event.events.content.page;

import com.atlassian.confluence.pages.Page;

/**
 * Stand-in for {@code com.atlassian.confluence.event.events.content.page.PageEvent} from
 * {@code com.atlassian.confluence:confluence} 10.2; checked against Confluence 8.7.2 (decompiled,
 * ngannk-fptu/Decompiled-Files): {@code PageEvent(Object src, Page page)}, {@code Page getPage()}. The real class
 * extends {@code ContentEvent} (an {@code ApplicationEvent}); trimmed here to the members Fail Forward and the preview
 * call.
 */
public abstract class PageEvent {

    private final Page page;

    public PageEvent(Object src, Page page) {
        this.page = page;
    }

    public Page getPage() {
        return page;
    }
}
