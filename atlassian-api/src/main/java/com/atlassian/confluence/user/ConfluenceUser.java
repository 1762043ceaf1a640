package com.atlassian.confluence.user;

/**
 * Stand-in for {@code com.atlassian.confluence.user.ConfluenceUser} from {@code com.atlassian.confluence:confluence} 10.2
 * (decompiled 8.7.2, ngannk-fptu/Decompiled-Files): only named by the blueprint event's constructor, which the preview
 * calls; Fail Forward calls none of its members.
 */
public interface ConfluenceUser {
}
