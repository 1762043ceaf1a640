package dev.failforward.jira.retro;

import java.util.Objects;

/**
 * A Confluence page linked to an issue as its retro: its title and where it is.
 *
 * @param title the page title as the link holds it (plain text: escape it where it is shown)
 * @param url   the page's URL, always {@code http} or {@code https}
 */
public record RetroPage(String title, String url) {

    public RetroPage {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(url, "url");
    }
}
