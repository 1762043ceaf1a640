package com.atlassian.confluence.pages;

/**
 * Stand-in for {@code com.atlassian.confluence.pages.Page} from {@code com.atlassian.confluence:confluence} 10.2; checked
 * against Confluence 8.7.2 (decompiled, ngannk-fptu/Decompiled-Files). In the real class {@code getId()} is inherited
 * from {@code ConfluenceEntityObject} and {@code getTitle()} from {@code ContentEntityObject} (through
 * {@code AbstractPage}); the calls compile to the same {@code invokevirtual Page.getId()J} either way, so the trimmed
 * hierarchy here links the same. Only the members Fail Forward and the preview call.
 */
public class Page {

    private long id;
    private String title;

    public Page() {
    }

    public long getId() {
        return id;
    }

    public void setId(long id) {
        this.id = id;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }
}
