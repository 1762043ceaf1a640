package dev.failforward.confluence.blueprint;

import java.util.Objects;

/**
 * What a retro blueprint puts into a new page, ready for the content template.
 *
 * @param title      the page title: plain text (Confluence stores titles as text and escapes them where it shows them),
 *                   never blank, at most {@link RetroBlueprintPages#MAX_TITLE_LENGTH} characters
 * @param issueKey   the canonical Jira issue key for the retro macro's {@code issue} parameter, or {@code ""} when there
 *                   is none; inserted by a plain {@code <at:var>}, which Confluence XML-escapes (the key is
 *                   {@code [A-Z0-9_-]} anyway)
 * @param introXhtml one storage-format paragraph saying which issue the retro is about: XHTML we built, every text in
 *                   it escaped, inserted by an {@code <at:var at:rawxhtml="true">}
 */
public record RetroPage(String title, String issueKey, String introXhtml) {

    public RetroPage {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(issueKey, "issueKey");
        Objects.requireNonNull(introXhtml, "introXhtml");
    }
}
