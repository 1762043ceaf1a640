package com.atlassian.confluence.plugins.createcontent.impl;

/**
 * Stand-in for {@code com.atlassian.confluence.plugins.createcontent.impl.ContentBlueprint} from
 * {@code com.atlassian.confluence.plugins:confluence-create-content-plugin}, checked against the decompiled 18.7.17 (ngannk-fptu/Decompiled-Files @e0c88ec5). Only named by the blueprint
 * event's constructor, which the preview calls; Fail Forward's bytecode never names it (it reads the event's context,
 * not its blueprint, so the bundle imports no {@code impl} package).
 */
public class ContentBlueprint {

    public ContentBlueprint() {
    }
}
