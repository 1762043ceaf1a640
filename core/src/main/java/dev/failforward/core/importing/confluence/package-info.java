/**
 * Importing post-mortems kept as Confluence pages in storage format: {@link
 * dev.failforward.core.importing.confluence.ConfluencePostMortemParser} reads one page (blueprint or home-made
 * template) into an {@link dev.failforward.core.importing.ImportResult}. The page body is split by a small
 * hand-written tokenizer ({@code StorageTokenizer}: no DTD, no entity but XML's and HTML's fixed ones, never throws)
 * and nested leniently ({@code StorageFormat}), so core needs neither an XML nor an HTML library — the plugin bundles
 * import no {@code javax.xml} package — and a page can never make the importer read a file or call a URL. Fetching pages (space, label, parent page, application link)
 * is the Confluence host's work.
 */
package dev.failforward.core.importing.confluence;
