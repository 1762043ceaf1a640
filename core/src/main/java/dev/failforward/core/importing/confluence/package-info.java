/**
 * Importing post-mortems kept as Confluence pages in storage format: {@link
 * dev.failforward.core.importing.confluence.ConfluencePostMortemParser} reads one page (blueprint or home-made
 * template) into an {@link dev.failforward.core.importing.ImportResult}. The page body is parsed with the JDK's StAX
 * parser made safe (no DTD, no external entities; see {@code StorageFormat}), so core needs no HTML library and a page
 * can never make the importer read a file or call a URL. Fetching pages (space, label, parent page, application link)
 * is the Confluence host's work.
 */
package dev.failforward.core.importing.confluence;
